/*
 * Dining philosophers, fixed with immutable messages: both forks in one step, or none.
 *
 * The deadlock needs a philosopher who holds one fork while waiting for the other (hold and wait), five
 * times round the table. Here nobody holds anything while waiting. The whole table (which forks are in use,
 * how many meals were served) is one immutable Setting, replaced whole with compareAndSet. A philosopher
 * whose two forks are both free swaps in a setting where both are taken, in one step; if either is in use,
 * or another philosopher's swap got in first, it takes nothing, lets the others run, and looks again. After
 * the meal it swaps in a setting with both forks free and one more meal. With no fork held while waiting,
 * no circle of waiting can form, however the threads are scheduled.
 *
 * What it does not promise: a philosopher could in principle keep finding a neighbour's fork in use (each of
 * them here eats three meals, so the neighbours run out of appetite).
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only Philosophers
 */
package dev.jostle.samples.deadlock;

import dev.jostle.samples.Crew;
import java.util.concurrent.atomic.AtomicReference;

/** The table is one immutable setting; a philosopher takes both forks in one swap, or none. */
public final class Philosophers_04_Messages implements Table {

    /** The table at one moment: a bit per fork in use, and the meals served. Never changed, only replaced. */
    private record Setting(int forksInUse, int meals) {

        boolean free(int forks) {
            return (forksInUse & forks) == 0;
        }

        Setting pickUp(int forks) {
            return new Setting(forksInUse | forks, meals);
        }

        Setting putDownAfterAMeal(int forks) {
            return new Setting(forksInUse & ~forks, meals + 1);
        }
    }

    private final AtomicReference<Setting> table = new AtomicReference<>(new Setting(0, 0));

    @Override
    public void eat(int seat) {
        int forks = (1 << seat) | (1 << ((seat + 1) % SEATS));
        while (true) {
            Setting seen = table.get();
            if (seen.free(forks) && table.compareAndSet(seen, seen.pickUp(forks))) {
                break;
            }
            Crew.checkAbandoned();
            Thread.yield();
        }
        Setting seen;
        do {
            seen = table.get();
        } while (!table.compareAndSet(seen, seen.putDownAfterAMeal(forks)));
    }

    @Override
    public int meals() {
        return table.get().meals();
    }
}
