/**
 * {@code java -jar jostle.jar COMMAND}: {@link dev.jostle.tools.JostleMain} names the commands ({@code hunt},
 * {@code merge}) and hands over to them. Runs in the hunt's own JVM, on the driving side, never instrumented.
 */
package dev.jostle.tools;
