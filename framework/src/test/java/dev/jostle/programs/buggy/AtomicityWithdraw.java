package dev.jostle.programs.buggy;

/**
 * Atomicity violation, 2 threads, wide window. Each withdrawal checks the balance, computes a fee (some
 * work), then subtracts: two withdrawals of 60 from 100 must not both succeed. The fee computation is long
 * enough to overlap sometimes even without noise; a pause after the check makes the overdraft common.
 */
public class AtomicityWithdraw {
    static int balance = 100;

    static void withdraw(int amount) {
        if (balance >= amount) {
            int fee = fee(amount);
            balance = balance - amount - fee;
        }
    }

    static int fee(int amount) {
        int fee = 0;
        for (int i = 0; i < 2_000; i++) {
            fee = (fee * 31 + amount + i) % 7;
        }
        return fee == 99 ? 1 : 0;
    }

    public static void main(String[] args) throws InterruptedException {
        Thread a = new Thread(() -> withdraw(60), "atm-a");
        Thread b = new Thread(() -> withdraw(60), "atm-b");
        a.start();
        b.start();
        a.join();
        b.join();
        if (balance < 0) {
            throw new AssertionError("overdrawn: balance = " + balance);
        }
    }
}
