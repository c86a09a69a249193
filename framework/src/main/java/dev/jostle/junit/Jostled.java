package dev.jostle.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.jostle.junit.internal.JostledExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test round after round under seeded scheduling noise until a round fails or the budget is spent.
 *
 * <p>Put it where {@code @Test} was; nothing else in the test changes. Every round gets a fresh test
 * instance with its {@code @BeforeEach} and {@code @AfterEach} methods around it, runs in a thread of its
 * own bound to the round, and fails when anything goes wrong in any thread it started: an uncaught
 * exception, a deadlock, a hang past {@link #roundTimeout()}, or (if asked) threads left running. The
 * failure names the round, the strategy and the seed, and says how to replay it.
 *
 * <p>How long it runs: first one round without noise measures the test's normal duration (it also shows the
 * {@code targeted} and {@code mixed} noise where to aim; with {@link #roundTimeout()} set, only they run it).
 * Then jostled rounds run until {@link #time()} is spent, but never fewer than {@link #minRounds()} (time
 * stretches to reach them) and never more than {@link #rounds()}. Each jostled round may take
 * {@link #roundTimeout()}: unless set, 10 times the normal duration, at least 5 s, because noise, race
 * detection and parallel rounds slow a round several times over. So a test that takes 13 s plainly gets a
 * 130 s timeout and 3 jostled rounds, not 0, even with the 2 s default {@code time}; the round without noise
 * is not one of them. {@code rounds} below {@code minRounds} is a configuration error, not a thin pass.
 *
 * <p>Every setting is read, first match wins, from: the system property ({@code -Djostle.rounds=5000}),
 * this annotation, the JUnit configuration parameter of the same name ({@code junit-platform.properties}),
 * and the built-in default. So CI can scale a run without editing tests. Attributes left at their
 * "unset" value (the default shown for each) fall through to the next source.
 *
 * <p>The agent is expected as {@code -javaagent:jostle-agent.jar} (the CI way); without it the extension
 * attaches it once, saying so in one line.
 *
 * <p>To JUnit a jostled test is one plain test method: reports and IDEs show it under its own name
 * ({@code testThreaded1()}) however many rounds ran. JUnit still creates its own instance and runs the other
 * extensions' callbacks on it once, and the rounds run in place of its one call of the method. Each round then
 * makes its own instances and applies the test's other extensions to them, with an extension context of the
 * round's own (its instances, and a store closed at the round's end): {@code TestInstancePostProcessor}s,
 * {@code BeforeEachCallback}s and {@code AfterEachCallback}s (Mockito's {@code @Mock} fields),
 * {@code Before/AfterTestExecutionCallback}s, {@code TestInstancePreDestroyCallback}s, exception handlers,
 * parameter resolvers and {@code @TempDir} (a fresh directory per round, deleted after it). A test with an
 * extension that no round can apply ({@code TestInstanceFactory}, {@code TestInstancePreConstructCallback}, an
 * {@code InvocationInterceptor} other than JUnit's own) fails at once, naming it.
 *
 * <p>Existing {@code @Test} methods can be jostled without editing them: the setting {@code jostle.select}
 * (system property or JUnit configuration parameter) takes comma-separated patterns
 * {@code fully.qualified.Class} or {@code fully.qualified.Class#method}, where {@code *} matches within one
 * name segment and {@code **} across dots ({@code com.acme.**.*PoolTest#testThreaded*}), and the matching
 * {@code @Test} methods run as if annotated {@code @Jostled} with every attribute unset. It needs JUnit's
 * extension auto-detection, {@code junit.jupiter.extensions.autodetection.enabled=true}; without it Jostle
 * prints a warning at the start of the run. Only {@code @Test} methods are selected, never
 * {@code @ParameterizedTest}, {@code @RepeatedTest} or {@code @TestFactory} methods.
 *
 * @since 0.1
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(JostledExtension.class)
@API(status = EXPERIMENTAL, since = "0.1")
public @interface Jostled {

    /** The value of an int or long attribute that was not set. */
    int UNSET = Integer.MIN_VALUE;

    /**
     * The most jostled rounds to run ({@code jostle.rounds}); default 1000. The run ends at whichever of
     * {@code rounds} and {@link #time()} is spent first, but not before {@link #minRounds()} rounds ran. Must
     * not be below {@code minRounds}.
     */
    int rounds() default UNSET;

    /**
     * The wall-clock time to aim for ({@code jostle.time}), as {@code "2s"}, {@code "500ms"},
     * {@code "1m"} or an ISO-8601 duration; {@code "0"} for no time limit; default {@code "2s"}. A target,
     * not a cap: it stretches until {@link #minRounds()} jostled rounds have run, so a slow test takes about
     * {@code minRounds} times its normal duration (or more, under noise) however short the time.
     */
    String time() default "";

    /**
     * The fewest jostled rounds a test may pass on ({@code jostle.minRounds}); default 3, at least 1. The
     * round without noise that runs first does not count. Rounds run past {@link #time()} until this many
     * have; {@link #rounds()} below it is a configuration error, not a pass on too few rounds.
     */
    int minRounds() default UNSET;

    /**
     * The base seed ({@code jostle.seed}): round {@code i} runs under seed {@code seed + i}, so the seed a
     * failure reports replays that round as round 0. Default: a fresh random seed per run.
     */
    long seed() default UNSET;

    /**
     * The noise strategy ({@code jostle.strategy}): {@code none}, {@code random}, {@code pct},
     * {@code halt-one}, {@code targeted} or {@code mixed}; or one that runs the threads one at a time:
     * {@code controlled-random}, {@code controlled-pct} or {@code controlled-pos}, or one of those with
     * {@code -on-time} (no sleep ends early), as {@code mixed}'s controlled rounds run. Default {@code mixed}.
     */
    String strategy() default "";

    /**
     * How long one round may run before it counts as a hang ({@code jostle.roundTimeout}). Default: derived
     * from the test's own duration, measured in a first round without noise (which may take up to 2 minutes):
     * 10 times that, at least {@code "5s"}. Set, it is used as given for every round, and the round without
     * noise then runs only for the {@code targeted} and {@code mixed} strategies, which aim with it. A
     * deadlock is reported as soon as it forms, without waiting for this. A timeout report names the normal
     * duration, the limit and where it came from.
     */
    String roundTimeout() default "";

    /**
     * Rounds run at once ({@code jostle.parallel}); default: the number of available processors. Use 1
     * when the test touches static state that rounds would share.
     */
    int parallel() default UNSET;

    /**
     * ({@code jostle.compareWithoutNoise}) Also run the same budget without noise and report both counts ("0 of 500 rounds failed without
     * jostling; round 37 failed with jostling"): evidence that the code works but is broken. Those first rounds
     * run with the hooks disarmed (no race detection either, whose cost would perturb the timing), so their count
     * is the test's own; races come from the jostled rounds.
     */
    boolean compareWithoutNoise() default false;

    /** Whether threads a round started and left running fail the round ({@code jostle.failOnLeftoverThreads}). */
    boolean failOnLeftoverThreads() default false;

    /**
     * What a data race does ({@code jostle.races}): {@code "fail"} fails the test with the race report even
     * when every round passed; {@code "warn"} (the default) reports it, as a report entry and on the console,
     * and lets the test pass; {@code "off"} does not look for races, and rounds run faster. The race detector
     * reports a race only where two accesses are unordered by happens-before, one of them a write.
     */
    String races() default "";
}
