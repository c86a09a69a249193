/**
 * Lost wake-ups in a bounded buffer: {@code wait()} under {@code if} ({@code Buffer_01_IfNotWhile}) and {@code
 * notify()} for {@code notifyAll()} ({@code Buffer_02_NotifyNotAll}): the broken variant, its fixes, the small
 * contract they share and the scenario that drives them. The code under test: it runs inside the sample runner's
 * JVM (or a test's), instrumented by the agent. Each numbered file opens with its story.
 */
package dev.jostle.samples.lostwakeup;
