/*
 * A broken pipeline: the shoemaker and the elves share one work list.
 *
 * The shoemaker cuts pieces onto a plain ArrayList; two elves watch the same list, take the first piece
 * and sew it; the shoes go onto a plain ArrayList shelf; a plain boolean says the cutting is done. Each
 * stage reaches into state the others also change, and each step is a check followed by an act:
 *
 *   elf-0: work.isEmpty()? no
 *   elf-1: work.isEmpty()? no
 *   elf-0: work.remove(0)   -> piece 7, the last one
 *   elf-1: work.remove(0)   -> IndexOutOfBoundsException    (or, with two pieces left, a piece sewn
 *                                                              twice or lost inside ArrayList, or a shoe
 *                                                              lost from the shelf by two racing add()s)
 *
 * Why it usually passes anyway. Cutting eight pieces takes a microsecond; the elves' threads start later
 * and mostly take turns by luck.
 *
 * How Jostle catches it. Noise at this class's reads of `work` and `shelf`, between a check and its act,
 * puts two elves into the same gap.
 *
 * The fixes:
 *   Pipeline_02_Locked  - the work list becomes a monitor (take waits while it is empty and not closed,
 *                         under one lock with the check), and the shelf is guarded by its own lock.
 *   Pipeline_03_Channel - the stages share nothing but queues: pieces travel to the elves on one queue
 *                         (a "no more pieces" message per elf ends the night), shoes travel back on
 *                         another; each stage keeps its own state to itself, and the messages (records)
 *                         never change.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only Pipeline
 */
package dev.jostle.samples.pipeline;

import dev.jostle.samples.Crew;
import java.util.ArrayList;
import java.util.List;

/** Three stages around one plain work list and one plain shelf: broken. */
public final class Pipeline_01_Broken implements Workshop {

    private final List<String> work = new ArrayList<>();
    private final List<String> shelf = new ArrayList<>();
    private volatile boolean cuttingDone;

    @Override
    public List<String> work(List<String> leather) {
        Runnable shoemaker = () -> {
            for (String piece : leather) {
                work.add(piece);
            }
            cuttingDone = true;
        };
        Runnable elf = () -> {
            while (!cuttingDone || !work.isEmpty()) {
                Crew.checkAbandoned();
                if (!work.isEmpty()) {
                    String piece = work.remove(0);
                    shelf.add(Workshop.sew(piece));
                } else {
                    Thread.yield();
                }
            }
        };
        Crew.run("workshop", shoemaker, elf, elf);
        return shelf;
    }
}
