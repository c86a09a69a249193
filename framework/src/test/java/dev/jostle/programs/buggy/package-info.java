/**
 * Small programs with a {@code main} and a real concurrency bug each (lost updates, orderings, deadlocks, lost
 * wake-ups), each with a known margin: the programs {@code hunt} is tested and benchmarked on. They are the code
 * under test, run in a hunt's rounds; why each is built as it is: docs/design.md, "The buggy programs and their
 * margins".
 */
package dev.jostle.programs.buggy;
