package dev.jostle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The deadline of a whole search, on a clock the test moves. */
class DeadlineTests {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final RoundTimeout fiveSeconds = RoundTimeout.fixed(Duration.ofSeconds(5));

    @Test
    void plentyOfTimeLeft_limit_isTheRoundTimeoutAsSet() {
        Deadline deadline = Deadline.after(Duration.ofSeconds(60), nanos::get);

        RoundTimeout limit = deadline.limit(fiveSeconds);

        assertEquals(fiveSeconds.limit(), limit.limit());
        assertFalse(limit.cut());
        assertTrue(deadline.allowsRound());
    }

    @Test
    void anyLimit_carriesWhatIsLeftOfTheDeadline_asTheMostTheRoundMayTakeInAll() {
        Deadline deadline = Deadline.after(Duration.ofSeconds(60), nanos::get);
        advance(Duration.ofSeconds(10));

        assertEquals(Duration.ofSeconds(50).minus(Deadline.RESERVE), deadline.limit(fiveSeconds).budget());
        advance(Duration.ofSeconds(47));
        assertEquals(Duration.ofSeconds(3).minus(Deadline.RESERVE), deadline.limit(fiveSeconds).budget());
        assertEquals(null, Deadline.NONE.limit(fiveSeconds).budget(), "no deadline, no budget");
    }

    @Test
    void lessLeftThanARound_limit_isWhatIsLeftLessTheReserve_andMarkedCut() {
        Deadline deadline = Deadline.after(Duration.ofSeconds(10), nanos::get);
        advance(Duration.ofSeconds(6));

        RoundTimeout limit = deadline.limit(fiveSeconds);

        assertEquals(Duration.ofSeconds(4).minus(Deadline.RESERVE), limit.limit());
        assertTrue(limit.cut());
        assertFalse(fiveSeconds.cut());
    }

    @Test
    void roomForTheRoundButNotForAHangsGrace_limit_isTheFullTimeoutMarkedCut() {
        Deadline deadline = Deadline.after(Duration.ofSeconds(10), nanos::get);
        advance(Duration.ofSeconds(3));

        RoundTimeout limit = deadline.limit(fiveSeconds);

        assertEquals(Duration.ofSeconds(5), limit.limit());
        assertTrue(limit.cut(), "if it runs out, the search's time is up: its threads get no grace");
    }

    @Test
    void onlyTheReserveLeft_allowsRound_isFalse() {
        Deadline deadline = Deadline.after(Duration.ofSeconds(10), nanos::get);
        advance(Duration.ofSeconds(10).minus(Deadline.RESERVE));

        assertFalse(deadline.allowsRound());
    }

    @Test
    void noDeadline_limit_isAlwaysTheRoundTimeout() {
        assertSame(fiveSeconds, Deadline.NONE.limit(fiveSeconds));
        assertTrue(Deadline.NONE.allowsRound());
    }

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }
}
