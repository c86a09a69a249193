/*
 * Livelock: two polite diners and one spoon.
 *
 * A diner who holds the spoon but sees the other diner hungry hands the spoon over ("you first, dear").
 * If both are hungry at once, they hand it back and forth forever: both are busy, neither is blocked,
 * and nobody ever eats.
 *
 *   diner-0: hungry; holds the spoon; is diner-1 hungry? yes -> gives the spoon to diner-1
 *   diner-1: hungry; holds the spoon; is diner-0 hungry? yes -> gives the spoon to diner-0
 *   ... forever
 *
 * Every field here is volatile: this sample is about politeness, not visibility.
 *
 * Why it usually passes anyway. diner-0 starts first and holds the spoon; it usually looks at diner-1
 * before diner-1's thread has even started, finds it not hungry, and eats.
 *
 * How Jostle catches it. Noise at diner-0's reads of the spoon and of the other's hunger lets diner-1 get
 * hungry first; from then on the exchange never ends. No thread is blocked, so this is not a deadlock:
 * the round runner reports a timeout, with both diners' stacks mid-courtesy.
 *
 * The fixes:
 *   Diners_02_Locked   - no courtesy: the spoon is a lock; a diner who gets it eats, then lets go.
 *   Diners_03_Channel  - the spoon is a token in a queue: take it, eat, put it back. Whoever takes it eats.
 *   Diners_04_Messages - no courtesy and no spoon to pass: the meals are an immutable value swapped with
 *                        compareAndSet; a failed swap means the other diner's succeeded, so someone eats.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only Diners
 */
package dev.jostle.samples.livelock;

import dev.jostle.samples.Crew;

/** Hands the spoon to the other diner whenever the other is hungry: broken. */
public final class Diners_01_Broken implements Spoon {

    private volatile int holder;
    private volatile boolean hungry0;
    private volatile boolean hungry1;
    private volatile int meals;

    @Override
    public void dine(int me) {
        int other = 1 - me;
        setHungry(me, true);
        while (true) {
            Crew.checkAbandoned();
            if (holder != me) {
                Thread.yield();
                continue;
            }
            if (isHungry(other)) {
                holder = other;
                continue;
            }
            meals++;
            setHungry(me, false);
            holder = other;
            return;
        }
    }

    private boolean isHungry(int diner) {
        return diner == 0 ? hungry0 : hungry1;
    }

    private void setHungry(int diner, boolean hungry) {
        if (diner == 0) {
            hungry0 = hungry;
        } else {
            hungry1 = hungry;
        }
    }

    @Override
    public int meals() {
        return meals;
    }
}
