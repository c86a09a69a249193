/**
 * The {@code -Preallibs} driver: {@code RealLibsCheck} runs each program of the sibling packages through {@code
 * java -jar jostle.jar hunt} and through a plain re-run loop ({@code PlainLoop}, no agent), each in a JVM of its
 * own, and prints the table. It drives from outside; the programs are the code under test.
 */
package dev.jostle.stress.reallibs.driver;
