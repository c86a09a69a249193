package dev.jostle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardTests {

    @Test
    void kOfN_parse_readsBoth() {
        assertEquals(new Shard(2, 4), Shard.parse("2/4"));
        assertEquals(new Shard(1, 1), Shard.parse(" 1 / 1 "));
        assertEquals("3/8", Shard.parse("3/8").toString());
    }

    @Test
    void badValues_parse_sayWhatIsWrong() {
        assertBad("0/4", "K must be between 1 and N (4), not 0");
        assertBad("5/4", "K must be between 1 and N (4), not 5");
        assertBad("1/0", "N must be between 1 and 1024, not 0");
        assertBad("1/1025", "N must be between 1 and 1024, not 1025");
        assertBad("x", "expected K/N (shard K of N, counted from 1), such as 2/4");
        assertBad("2/", "expected K/N (shard K of N, counted from 1), such as 2/4");
        assertBad("", "expected K/N (shard K of N, counted from 1), such as 2/4");
        assertBad("2/4/8", "expected K/N (shard K of N, counted from 1), such as 2/4");
    }

    @Test
    void firstShard_firstSeed_isTheBaseSeed() {
        assertEquals(42, new Shard(1, 4).firstSeed(42));
        assertEquals(42, Shard.WHOLE.firstSeed(42));
    }

    @Test
    void laterShard_firstSeed_showsTheShardInItsDigits() {
        assertEquals(2_000_000_000_000_042L, new Shard(3, 4).firstSeed(42));
    }

    @Test
    void shardsOfOneBaseSeed_firstSeed_startRangesThatDoNotMeetForAnyReachableRoundCount() {
        long rounds = 1_000_000_000_000_000L; // centuries of rounds: no shard reaches another's seeds
        for (int count : new int[] {2, 3, 4, 7, 256, Shard.MAX_COUNT}) {
            for (long base : new long[] {0, 42, Long.MAX_VALUE - 3, -1, Long.MIN_VALUE}) {
                // Where each shard starts, measured from the base around the 64-bit circle, in order.
                List<Long> offsets = new ArrayList<>();
                for (int index = 1; index <= count; index++) {
                    offsets.add(new Shard(index, count).firstSeed(base) - base);
                }
                offsets.sort(Long::compareUnsigned);
                assertEquals(0, offsets.get(0), "some shard starts at the base seed");
                for (int i = 0; i < count; i++) {
                    // Each shard's rounds, start .. start + rounds - 1, stop short of the next shard's start.
                    long next = i + 1 < count ? offsets.get(i + 1) : 0; // the last one wraps to the first
                    long gap = next - offsets.get(i);
                    assertTrue(Long.compareUnsigned(gap, rounds) >= 0, count + " shards from base " + base
                            + ": a shard starts only " + Long.toUnsignedString(gap) + " seeds after another");
                }
                assertEquals(count, offsets.stream().distinct().count(), "every shard starts elsewhere");
            }
        }
    }

    private static void assertBad(String value, String message) {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> Shard.parse(value));
        assertEquals(message, bad.getMessage());
    }
}
