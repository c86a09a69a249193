/**
 * Check-then-act: lazy initialisation ({@code LazyInit_*}), put-if-absent in two calls ({@code PutIfAbsent_*}) and
 * double-checked locking ({@code DoubleChecked_*}): the broken variant, its fixes, the small contract they share
 * and the scenario that drives them. The code under test: it runs inside the sample runner's JVM (or a test's),
 * instrumented by the agent. Each numbered file opens with its story.
 */
package dev.jostle.samples.checkthenact;
