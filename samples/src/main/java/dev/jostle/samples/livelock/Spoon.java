package dev.jostle.samples.livelock;

/** Two diners and one spoon; the livelock contract. Diners are 0 and 1. */
public interface Spoon {

    /** Diner {@code me} gets hungry, eats once with the spoon, and returns. */
    void dine(int me);

    /** Meals eaten so far. */
    int meals();
}
