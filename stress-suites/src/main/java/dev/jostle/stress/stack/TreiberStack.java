package dev.jostle.stress.stack;

import java.util.concurrent.atomic.AtomicReference;

/** Fixed: the top moves only by compare-and-set from the node this thread read, retried when it lost a race. */
public final class TreiberStack implements IntStack {

    private static final class Node {
        final int value;
        final Node next;

        Node(int value, Node next) {
            this.value = value;
            this.next = next;
        }
    }

    private final AtomicReference<Node> top = new AtomicReference<>();

    @Override
    public void push(int value) {
        Node seen;
        Node node;
        do {
            seen = top.get();
            node = new Node(value, seen);
        } while (!top.compareAndSet(seen, node));
    }

    @Override
    public Integer pop() {
        Node seen;
        do {
            seen = top.get();
            if (seen == null) {
                return null;
            }
        } while (!top.compareAndSet(seen, seen.next));
        return seen.value;
    }
}
