package dev.jostle.samples.atomicity;

import dev.jostle.samples.Crew;
import java.util.Arrays;
import java.util.function.Function;

/** The checked scenario: eight guests sign while a steward counts them three times. */
public final class GuestbookScenario {

    static final int GUESTS = 8;

    private GuestbookScenario() {
    }

    public static void run(Function<String, Guestbook> open) {
        try (Guestbook book = open.apply("the host")) {
            int[] counts = new int[3];
            Crew.run("guestbook", () -> {
                for (int i = 0; i < GUESTS; i++) {
                    book.sign("guest " + i);
                }
            }, () -> {
                for (int i = 0; i < counts.length; i++) {
                    counts[i] = book.guests();
                }
            });
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] < (i == 0 ? 0 : counts[i - 1]) || counts[i] > GUESTS) {
                    throw new AssertionError("the steward counted " + Arrays.toString(counts) + " guests");
                }
            }
            if (book.guests() != GUESTS) {
                throw new AssertionError("the book holds " + book.guests() + " guests, not " + GUESTS);
            }
        }
    }
}
