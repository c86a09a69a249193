/**
 * {@code java -jar jostle.jar hunt}: runs a program's {@code main} round after round under scheduling
 * noise, each round in a fresh class loader and thread group, until a round fails or the budget is spent.
 * It drives the rounds from the hunt's own JVM, which is also the JVM under test (the program runs there,
 * instrumented), or from outside when {@code --forks} runs them in child JVMs. Never instrumented itself (see
 * the agent's default exclusions).
 */
package dev.jostle.hunt;
