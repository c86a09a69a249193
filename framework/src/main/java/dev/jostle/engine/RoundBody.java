package dev.jostle.engine;

/** The code one round runs, in a thread bound to the round. */
@FunctionalInterface
public interface RoundBody {
    void run() throws Throwable;
}
