package dev.jostle.stress.stack;

/** A LIFO stack of ints; pop says null when empty. */
public interface IntStack {

    void push(int value);

    Integer pop();
}
