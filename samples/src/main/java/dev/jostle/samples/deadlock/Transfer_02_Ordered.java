/*
 * Deadlock by lock ordering, fixed with one global lock order.
 *
 * A transfer still takes two locks, but always the lower-numbered account's first, whichever way the money
 * goes. Two clerks wanting accounts 0 and 1 both start with 0: the one that gets it goes on to 1, the
 * other waits at 0 holding nothing. A cycle of waiting needs someone to hold a higher lock while waiting
 * for a lower one, and with a global order nobody ever does.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only Transfer
 */
package dev.jostle.samples.deadlock;

/** Locks the lower-numbered account first. */
public final class Transfer_02_Ordered implements Bank {

    static final class Account {
        int balance;
    }

    private final Account[] accounts = {new Account(), new Account()};

    public Transfer_02_Ordered(int openingBalance) {
        for (Account account : accounts) {
            account.balance = openingBalance;
        }
    }

    @Override
    public void transfer(int from, int to, int amount) {
        Account first = accounts[Math.min(from, to)];
        Account second = accounts[Math.max(from, to)];
        synchronized (first) {
            synchronized (second) {
                accounts[from].balance -= amount;
                accounts[to].balance += amount;
            }
        }
    }

    @Override
    public int total() {
        synchronized (accounts[0]) {
            synchronized (accounts[1]) {
                return accounts[0].balance + accounts[1].balance;
            }
        }
    }
}
