/*
 * Deadlock by lock ordering: a bank transfer.
 *
 * A transfer locks the account it takes from, then the account it pays into. Two clerks moving money in
 * opposite directions take the same two locks in opposite orders:
 *
 *   clerk-0: transfer(0 -> 1): locks account 0
 *   clerk-1: transfer(1 -> 0): locks account 1
 *   clerk-0: waits for account 1 (held by clerk-1)
 *   clerk-1: waits for account 0 (held by clerk-0)      <- neither can ever go on
 *
 * Why it usually passes anyway. Each transfer holds the first lock for a few hundred nanoseconds before
 * taking the second, and five transfers are over before the other clerk's thread is running.
 *
 * How Jostle catches it. Noise between the two monitor enters (at the balance reads and writes, and at
 * the monitor enter itself) holds a clerk with one lock taken until the other clerk has taken the other.
 * The round runner sees the two threads blocked on each other and reports the cycle with both stacks.
 *
 * The fixes:
 *   Transfer_02_Ordered  - every transfer locks the lower-numbered account first: all clerks take locks in
 *                          one global order, so no cycle of waiting can form.
 *   Transfer_03_Messages - no locks: the balances are an immutable Ledger, replaced whole with
 *                          compareAndSet; a transfer that lost a race starts again from the newer ledger.
 *   Transfer_04_Channel  - one teller thread owns every balance; clerks send it Transfer messages. One
 *                          owner needs no locks, so there is nothing to take in the wrong order.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only Transfer
 */
package dev.jostle.samples.deadlock;

/** Locks the payer, then the payee: broken. */
public final class Transfer_01_Broken implements Bank {

    static final class Account {
        int balance;
    }

    private final Account[] accounts = {new Account(), new Account()};

    public Transfer_01_Broken(int openingBalance) {
        for (Account account : accounts) {
            account.balance = openingBalance;
        }
    }

    @Override
    public void transfer(int from, int to, int amount) {
        Account payer = accounts[from];
        Account payee = accounts[to];
        synchronized (payer) {
            payer.balance -= amount;
            synchronized (payee) {
                payee.balance += amount;
            }
        }
    }

    @Override
    public int total() {
        int total = 0;
        for (Account account : accounts) {
            synchronized (account) {
                total += account.balance;
            }
        }
        return total;
    }
}
