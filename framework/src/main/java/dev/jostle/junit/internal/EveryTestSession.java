package dev.jostle.junit.internal;

import dev.jostle.agent.runtime.JostleRuntime;
import dev.jostle.agent.runtime.Round;
import dev.jostle.agent.runtime.RoundReport;
import dev.jostle.agent.runtime.Seeds;
import dev.jostle.agent.runtime.Session;
import dev.jostle.junit.internal.JostledConfiguration.RacePolicy;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The agent's side of every-test rounds: one session for the run, one round per test. Only made once the
 * agent is known to run (see {@link AgentAttacher} for why nothing may touch agent classes before that).
 */
final class EveryTestSession {

    private final EveryTestSettings settings;
    private final Session session;
    private final AtomicInteger nextRound = new AtomicInteger();
    private final RacesByTest results;

    EveryTestSession(EveryTestSettings settings) {
        long seed = Seeds.random();
        this.settings = settings;
        this.session = JostleRuntime.newSession(settings.noise(), seed, false)
                .detectRaces(settings.races() != RacePolicy.OFF);
        this.results = new RacesByTest(settings, seed);
    }

    /** Whether the agent started with the JVM ({@code -javaagent}), not attached by a {@code @Jostled} test. */
    static boolean agentStartedAtLaunch() {
        return JostleRuntime.startedAtLaunch();
    }

    /**
     * Opens the test's round and binds it to the current thread, the one that runs the test: the threads the
     * test starts belong to the round too.
     */
    void open(String uniqueId, String test) {
        Thread thread = Thread.currentThread();
        Round round = session.openRound(nextRound.getAndIncrement(), thread);
        OpenTestRounds.opened(uniqueId, new TestRound(test, round, round.bind(), thread, settings.races()));
    }

    /** Ends the test's round, if it has one, and records its races. */
    void close(String uniqueId) {
        TestRound round = OpenTestRounds.closed(uniqueId);
        if (round == null) {
            return;
        }
        if (Thread.currentThread() == round.thread) {
            round.binding.close();
        } // else: the binding stays on a thread we cannot reach; its ended round ignores that thread from now on
        RoundReport report = round.round.end();
        results.add(round, uniqueId, report);
    }

    RacesByTest results() {
        return results;
    }
}
