/*
 * The shoemaker's pipeline, rebuilt as stages joined by channels.
 *
 * Nothing is shared but two queues. The shoemaker sends Piece messages down the first, then one Done
 * message per elf. Each elf takes messages until its Done, sews, and sends each Shoe up the second queue.
 * The shoemaker then collects exactly as many shoes as it cut pieces. Each stage owns its own state (the
 * leather, the shelf) as local variables; the messages are immutable records, so a piece can only be in
 * one place at a time: on the queue, or in the hands of the one elf that took it.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only Pipeline
 */
package dev.jostle.samples.pipeline;

import dev.jostle.samples.Crew;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** Stages that talk only through queues of immutable messages. */
public final class Pipeline_03_Channel implements Workshop {

    private sealed interface ToElf permits Piece, Done {
    }

    private record Piece(String name) implements ToElf {
    }

    private record Done() implements ToElf {
    }

    private record Shoe(String name) {
    }

    private static final int ELVES = 2;

    @Override
    public List<String> work(List<String> leather) {
        BlockingQueue<ToElf> toElves = new LinkedBlockingQueue<>();
        BlockingQueue<Shoe> toShelf = new LinkedBlockingQueue<>();
        List<String> shelf = new ArrayList<>();
        Runnable shoemaker = () -> {
            for (String piece : leather) {
                toElves.add(new Piece(piece));
            }
            for (int i = 0; i < ELVES; i++) {
                toElves.add(new Done());
            }
            try {
                for (int i = 0; i < leather.size(); i++) {
                    shelf.add(toShelf.take().name());
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        };
        Runnable elf = () -> {
            try {
                for (ToElf message = toElves.take(); message instanceof Piece; message = toElves.take()) {
                    toShelf.add(new Shoe(Workshop.sew(((Piece) message).name())));
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        };
        Crew.run("workshop", shoemaker, elf, elf);
        return shelf;
    }
}
