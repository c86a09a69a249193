/*
 * Lost update, fixed with a channel.
 *
 * The count belongs to one thread, the box's owner. Bakers never touch it: put() sends a Cake message down
 * a BlockingQueue, and the owner takes messages one at a time and counts. count() sends a question with a
 * queue for the answer. Since only the owner reads and writes the count, there is no read-add-write for
 * two threads to interleave; the queue does the hand-over safely (everything sent happens-before it is
 * taken).
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only LostUpdate
 */
package dev.jostle.samples.lostupdate;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;

/** A cake box run by one owner thread that bakers talk to through a queue. */
public final class LostUpdate_04_Channel implements CakeBox {

    /** What the owner can be told. */
    private sealed interface Message permits Cake, HowMany, Close {
    }

    private record Cake() implements Message {
    }

    private record HowMany(BlockingQueue<Integer> answer) implements Message {
    }

    private record Close() implements Message {
    }

    private final BlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
    private final Thread owner = new Thread(this::own, "cake-box-owner");

    public LostUpdate_04_Channel() {
        owner.start();
    }

    /** The owner's loop: the count is a local variable, so no other thread can even see it. */
    private void own() {
        int cakes = 0;
        try {
            while (true) {
                Message message = inbox.take();
                if (message instanceof Cake) {
                    cakes++;
                } else if (message instanceof HowMany) {
                    ((HowMany) message).answer().put(cakes);
                } else {
                    return;
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void put() {
        inbox.add(new Cake());
    }

    @Override
    public int count() {
        BlockingQueue<Integer> answer = new SynchronousQueue<>();
        inbox.add(new HowMany(answer));
        try {
            return answer.take();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the box for its count");
        }
    }

    @Override
    public void close() {
        inbox.add(new Close());
        try {
            owner.join();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
