package dev.jostle.samples.checkthenact;

/** Hands out the bakery's one oven, built the first time someone asks; the lazy-initialisation contract. */
public interface OvenSupply {

    /** The oven; the same object for every caller. */
    Oven oven();
}
