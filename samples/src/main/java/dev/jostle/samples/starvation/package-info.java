/**
 * Starvation: a strict priority line that never serves the courier's packing job ({@code Courier_*}), with the
 * lines it is served from: the broken variant, its fixes, the small contract they share and the scenario that
 * drives them. The code under test: it runs inside the sample runner's JVM (or a test's), instrumented by the
 * agent. Each numbered file opens with its story.
 */
package dev.jostle.samples.starvation;
