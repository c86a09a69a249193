package dev.jostle.stress.stack;

/**
 * Broken Treiber stack: it reads {@code top}, builds a node on it, and writes {@code top} back with a plain
 * write instead of a compare-and-set. Two pushes that read the same top lose one of them; two pops can return
 * the same element.
 */
public final class RacyStack implements IntStack {

    private static final class Node {
        final int value;
        final Node next;

        Node(int value, Node next) {
            this.value = value;
            this.next = next;
        }
    }

    private Node top;

    @Override
    public void push(int value) {
        top = new Node(value, top);
    }

    @Override
    public Integer pop() {
        Node seen = top;
        if (seen == null) {
            return null;
        }
        top = seen.next;
        return seen.value;
    }
}
