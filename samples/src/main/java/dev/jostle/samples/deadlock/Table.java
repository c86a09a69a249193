package dev.jostle.samples.deadlock;

/** Five philosophers around five forks; the dining-philosophers contract. */
public interface Table {

    int SEATS = 5;

    /** The philosopher at this seat eats one meal, with the forks on both sides. */
    void eat(int seat);

    /** Meals eaten so far, by everyone. */
    int meals();
}
