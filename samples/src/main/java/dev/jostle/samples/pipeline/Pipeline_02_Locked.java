/*
 * The shoemaker's pipeline, fixed with locks.
 *
 * The work list is now a small monitor: add() and close() notify, and take() waits, under the same lock
 * as its check, until there is a piece or the shoemaker has closed the list (then it returns null and the
 * elf goes home). The check and the act that Pipeline_01_Broken split are one step under the lock. The
 * shelf is a synchronized list, and each shoe is one add().
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only Pipeline
 */
package dev.jostle.samples.pipeline;

import dev.jostle.samples.Crew;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/** A work list that is a monitor, and a synchronized shelf. */
public final class Pipeline_02_Locked implements Workshop {

    /** The pieces waiting for an elf, guarded by its own lock. */
    static final class WorkList {
        private final Deque<String> pieces = new ArrayDeque<>();
        private boolean closed;

        synchronized void add(String piece) {
            pieces.add(piece);
            notifyAll();
        }

        synchronized void close() {
            closed = true;
            notifyAll();
        }

        /** The next piece, or null once the list is closed and empty. */
        synchronized String take() throws InterruptedException {
            while (pieces.isEmpty() && !closed) {
                wait();
            }
            return pieces.poll();
        }
    }

    @Override
    public List<String> work(List<String> leather) {
        WorkList work = new WorkList();
        List<String> shelf = Collections.synchronizedList(new ArrayList<>());
        Runnable shoemaker = () -> {
            for (String piece : leather) {
                work.add(piece);
            }
            work.close();
        };
        Runnable elf = () -> {
            try {
                for (String piece = work.take(); piece != null; piece = work.take()) {
                    shelf.add(Workshop.sew(piece));
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        };
        Crew.run("workshop", shoemaker, elf, elf);
        return shelf;
    }
}
