/*
 * Lost update: two bakers put cakes into one box.
 *
 * The interleaving that breaks it. `cakes++` is three steps: read cakes, add one, write cakes back.
 *
 *   baker-0: read cakes (7)
 *   baker-1: read cakes (7)
 *   baker-0: write cakes = 8
 *   baker-1: write cakes = 8          <- baker-0's cake is lost
 *
 * Why it usually passes anyway. Each baker puts 20 cakes, which takes a few microseconds, while starting a
 * thread takes tens of microseconds: baker-0 has usually finished before baker-1 runs its first line, so
 * the two read-add-write sequences never overlap.
 *
 * How Jostle catches it. Noise at the read of `cakes` (a yield, a spin or a short park) holds one baker
 * between its read and its write long enough for the other to run: the count comes out short.
 *
 * The fixes, side by side in this package:
 *   LostUpdate_02_Locked   - the read-add-write happens under one lock (an AtomicInteger does the same in
 *                            one instruction): nobody can read between another's read and write.
 *   LostUpdate_03_Messages - the box's state is an immutable Tally swapped whole with compareAndSet: a baker
 *                            whose tally went stale retries instead of overwriting.
 *   LostUpdate_04_Channel  - bakers send cakes down a queue; one owner thread counts them: only one thread
 *                            ever touches the count.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only LostUpdate
 */
package dev.jostle.samples.lostupdate;

/** A cake counter with an unguarded {@code ++}: broken. */
public final class LostUpdate_01_Broken implements CakeBox {

    private int cakes;

    @Override
    public void put() {
        cakes++;
    }

    @Override
    public int count() {
        return cakes;
    }
}
