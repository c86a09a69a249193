package dev.jostle.agent.race;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KnownPairsTests {

    @Test
    void manyPairs_addedTwice_secondAddSaysKnown() {
        KnownPairs pairs = new KnownPairs();
        for (long site = 0; site < 1_000; site++) {
            long pair = (site << 32) | (site * 7 + 1);
            assertTrue(pairs.add(pair), "first add of " + pair);
        }
        for (long site = 0; site < 1_000; site++) {
            long pair = (site << 32) | (site * 7 + 1);
            assertFalse(pairs.add(pair), "second add of " + pair);
        }
    }

    @Test
    void pairZero_isStorable() {
        KnownPairs pairs = new KnownPairs();
        assertTrue(pairs.add(0));
        assertFalse(pairs.add(0));
    }
}
