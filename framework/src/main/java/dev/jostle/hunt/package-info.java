/**
 * {@code java -jar jostle.jar hunt}: runs a program's {@code main} round after round under scheduling
 * noise, each round in a fresh class loader and thread group, until a round fails or the budget is spent.
 * Never instrumented (see the agent's default exclusions).
 */
package dev.jostle.hunt;
