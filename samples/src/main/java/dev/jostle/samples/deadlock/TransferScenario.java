package dev.jostle.samples.deadlock;

import dev.jostle.samples.Crew;
import java.util.function.IntFunction;

/** The checked scenario: two clerks move money between the same two accounts, in opposite directions. */
public final class TransferScenario {

    static final int OPENING_BALANCE = 100;
    static final int TRANSFERS = 5;

    private TransferScenario() {
    }

    public static void run(IntFunction<Bank> open) {
        try (Bank bank = open.apply(OPENING_BALANCE)) {
            Crew.run("clerk", () -> {
                for (int i = 0; i < TRANSFERS; i++) {
                    bank.transfer(0, 1, 10);
                }
            }, () -> {
                for (int i = 0; i < TRANSFERS; i++) {
                    bank.transfer(1, 0, 7);
                }
            });
            if (bank.total() != 2 * OPENING_BALANCE) {
                throw new AssertionError("the bank holds " + bank.total() + " instead of " + 2 * OPENING_BALANCE);
            }
        }
    }
}
