/**
 * Happens-before data-race detection over the events the agent already instruments: vector clocks, with
 * FastTrack's epochs for the common case (Flanagan and Freund, PLDI 2009). Runs inside the JVM under test,
 * on a round's own threads, after each event's noise. {@link dev.jostle.agent.race.RaceDetector} applies
 * the rules, with a {@link dev.jostle.agent.race.ThreadClock} per thread and shadow state per variable held
 * weakly ({@code ShadowMemory}); {@code RaceLog} keeps the races it found, each site pair once, with their
 * stacks.
 *
 * <p>Where the agent cannot see a synchronisation exactly (inside {@code java.util.concurrent}, whose
 * receiver a call-site hook does not pass), the detector treats the call conservatively: as a release to
 * and an acquire from one clock shared by all such calls. That adds happens-before edges, never removes
 * them, so it can hide a race but never report one that is not there.
 */
package dev.jostle.agent.race;
