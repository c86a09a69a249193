/*
 * Check-then-act: lazy initialisation without a lock.
 *
 * The interleaving that breaks it. oven() checks, then acts:
 *
 *   baker-0: oven == null?  yes
 *   baker-1: oven == null?  yes              <- baker-0 has not written it yet
 *   baker-0: oven = new Oven(1); returns #1
 *   baker-1: oven = new Oven(2); returns #2  <- a second oven; baker-0's is silently dropped
 *
 * Why it usually passes anyway. Building the oven takes well under a microsecond and the second baker's
 * thread starts tens of microseconds after the first: by the time it looks, the oven is there.
 *
 * How Jostle catches it. Noise at the read of `oven` (or just before the write) holds the first baker
 * between its check and its act; the second baker checks in that window and builds another oven.
 *
 * The fixes:
 *   LazyInit_02_Locked   - oven() is synchronized: the check and the act are one step for everyone else.
 *   LazyInit_03_Messages - the oven is published once with compareAndSet(null, candidate); a baker who
 *                          loses the race throws its candidate away and takes the winner's. (Two ovens may be
 *                          built, but only one is ever handed out: fine when building has no side effects.)
 *   LazyInit_04_Channel  - the oven's shelf is a queue holding one message, "no oven yet" or the oven; a baker
 *                          takes it, builds if it must, and puts the oven back: one baker at a time checks.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only LazyInit
 */
package dev.jostle.samples.checkthenact;

/** Builds the oven on first use, checking and acting without a lock: broken. */
public final class LazyInit_01_Broken implements OvenSupply {

    private Oven oven;
    private int built;

    @Override
    public Oven oven() {
        if (oven == null) {
            oven = new Oven(++built);
        }
        return oven;
    }
}
