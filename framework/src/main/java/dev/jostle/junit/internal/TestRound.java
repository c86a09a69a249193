package dev.jostle.junit.internal;

import dev.jostle.agent.race.Race;
import dev.jostle.agent.runtime.Round;
import dev.jostle.junit.internal.JostledConfiguration.RacePolicy;
import java.util.List;
import java.util.stream.Collectors;

/** The round one test runs in when every test gets a round: bound to the thread that runs the test. */
final class TestRound {

    final String test;
    final Round round;
    final Round.Binding binding;
    final Thread thread;
    private final RacePolicy policy;
    /** Whether {@link EveryTestRaceCheck} looked at this round: without it, races=fail cannot fail a test. */
    private volatile boolean checked;

    TestRound(String test, Round round, Round.Binding binding, Thread thread, RacePolicy policy) {
        this.test = test;
        this.round = round;
        this.binding = binding;
        this.thread = thread;
        this.policy = policy;
    }

    /** The failure message when races fail tests and this one had races so far; null otherwise. */
    String failureIfRaces() {
        checked = true;
        if (policy != RacePolicy.FAIL) {
            return null;
        }
        List<Race> races = round.racesSoFar();
        return races.isEmpty() ? null : failureMessage(races);
    }

    boolean checked() {
        return checked;
    }

    static String failureMessage(List<Race> races) {
        return races.size() + (races.size() == 1 ? " data race" : " data races") + " seen while this test ran ("
                + EveryTestSettings.RACES + "=fail)\n"
                + races.stream().map(Race::describe).collect(Collectors.joining("\n"));
    }
}
