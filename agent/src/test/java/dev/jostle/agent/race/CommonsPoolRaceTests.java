package dev.jostle.agent.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.agent.install.AgentConfig;
import dev.jostle.agent.install.AgentInstaller;
import dev.jostle.agent.instrument.Fixtures;
import dev.jostle.agent.instrument.TransformingClassLoader;
import dev.jostle.agent.runtime.JostleRuntime;
import dev.jostle.agent.runtime.Round;
import dev.jostle.agent.runtime.RoundReport;
import dev.jostle.agent.runtime.Session;
import dev.jostle.agent.runtime.Strategy;
import java.net.URL;
import java.util.List;
import java.util.Properties;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.junit.jupiter.api.Test;

/**
 * Commons Pool 2.12.1 instrumented whole, with its fixture: its LinkedBlockingDeque locks through
 * {@code InterruptibleReentrantLock extends ReentrantLock}, and its fields ({@code first}, {@code last},
 * {@code count}, {@code Node.item/prev/next}) must not be reported as races: every access is under that lock.
 */
class CommonsPoolRaceTests {

    private static final String DEQUE = "org.apache.commons.pool2.impl.LinkedBlockingDeque";

    @Test
    void idleObjectsHandedThroughThePoolsDeque_roundWithoutNoise_noRaceOnTheDeque() throws Exception {
        URL fixtures = Fixtures.class.getProtectionDomain().getCodeSource().getLocation();
        URL pool = GenericObjectPool.class.getProtectionDomain().getCodeSource().getLocation();
        TransformingClassLoader loader = new TransformingClassLoader(new URL[] {fixtures, pool},
                name -> name.startsWith(Fixtures.PACKAGE) || name.startsWith("org.apache.commons.pool2."),
                AgentInstaller.transformer(AgentConfig.read(null, new Properties())));
        Class<?> borrowing = Class.forName(Fixtures.PACKAGE + "PoolBorrowing", true, loader);

        Session session = JostleRuntime.newSession(Strategy.NONE, 1, false).detectRaces(true);
        Round round = session.openRound(0, Thread.currentThread());
        Object appended;
        try (Round.Binding binding = round.bind()) {
            appended = Fixtures.call(borrowing, "borrowAndReturnFromTwoThreads");
        } finally {
            round.end();
        }
        RoundReport report = round.end();

        assertEquals(40, appended, "the fixture lost an append");
        assertTrue(loader.instrumented(DEQUE) != null, "the deque must be instrumented for this test to mean anything");
        List<Race> onDeque = report.races().stream().filter(race -> race.variable().startsWith(DEQUE)).toList();
        assertEquals(List.of(), onDeque, report.describeRaces());
    }
}
