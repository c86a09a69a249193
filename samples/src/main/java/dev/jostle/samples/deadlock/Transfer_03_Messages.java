/*
 * Deadlock by lock ordering, avoided with an immutable ledger.
 *
 * There are no locks to take in the wrong order. The balances are an immutable Ledger record; a transfer
 * computes the ledger after the transfer and swaps it in with compareAndSet, which succeeds only if nobody
 * changed the ledger meanwhile (otherwise it retries from the newer one). Both accounts change in one
 * atomic swap, so the total is right at every moment, and a clerk never waits for another.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only Transfer
 */
package dev.jostle.samples.deadlock;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** Balances as an immutable ledger, swapped whole. */
public final class Transfer_03_Messages implements Bank {

    record Ledger(List<Integer> balances) {
        Ledger {
            balances = List.copyOf(balances);
        }

        Ledger transfer(int from, int to, int amount) {
            List<Integer> after = new ArrayList<>(balances);
            after.set(from, after.get(from) - amount);
            after.set(to, after.get(to) + amount);
            return new Ledger(after);
        }
    }

    private final AtomicReference<Ledger> ledger;

    public Transfer_03_Messages(int openingBalance) {
        ledger = new AtomicReference<>(new Ledger(List.of(openingBalance, openingBalance)));
    }

    @Override
    public void transfer(int from, int to, int amount) {
        Ledger seen;
        do {
            seen = ledger.get();
        } while (!ledger.compareAndSet(seen, seen.transfer(from, to, amount)));
    }

    @Override
    public int total() {
        return ledger.get().balances().stream().mapToInt(Integer::intValue).sum();
    }
}
