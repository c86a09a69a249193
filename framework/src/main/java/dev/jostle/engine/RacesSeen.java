package dev.jostle.engine;

import dev.jostle.agent.race.Race;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The races of a campaign's rounds, each pair of sites once, in the order they were first seen. */
final class RacesSeen {

    private static final int MAX = 64;

    private final Map<String, Race> bySitePair = new ConcurrentHashMap<>();
    private final List<Race> inOrder = new ArrayList<>();

    void add(RoundOutcome outcome) {
        if (outcome != null) {
            addAll(outcome.report().races());
        }
    }

    void addAll(List<Race> races) {
        for (Race race : races) {
            String key = key(race);
            if (bySitePair.size() < MAX && bySitePair.putIfAbsent(key, race) == null) {
                synchronized (inOrder) {
                    inOrder.add(race);
                }
            }
        }
    }

    List<Race> list() {
        synchronized (inOrder) {
            return List.copyOf(inOrder);
        }
    }

    private static String key(Race race) {
        int a = race.earlier().site() == null ? 0 : race.earlier().site().id;
        int b = race.later().site() == null ? 0 : race.later().site().id;
        return Math.min(a, b) + ":" + Math.max(a, b);
    }
}
