package dev.jostle.agent.runtime;

import dev.jostle.agent.bootstrap.Site;
import dev.jostle.agent.bootstrap.Sites;
import dev.jostle.agent.race.Race;
import dev.jostle.agent.schedule.Schedule;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * What happened in one round, as far as the agent saw it.
 *
 * @param index          the round's number in its session
 * @param seed           the round seed: a session started at this seed replays this round as its round 0
 * @param strategy       the concrete strategy the round ran under (never {@code mixed})
 * @param plan           the noise plan with its drawn parameters
 * @param noiseEvents    how many times noise was injected
 * @param lastNoise      per thread name, the last sites where noise was injected, oldest first
 * @param sites          per-site usage, if the round recorded it (otherwise empty)
 * @param contended      sites whose field or array was touched by two or more threads, one of them writing
 * @param races          data races the detector found, each pair of sites once (empty when detection is off)
 * @param schedule       a controlled round's decisions, to check a replay against; null in other rounds
 */
public record RoundReport(int index, long seed, Strategy strategy, String plan, long noiseEvents,
        Map<String, int[]> lastNoise, List<SiteUsage> sites, BitSet contended, List<Race> races,
        Schedule schedule) {

    /** A round that was not controlled: no schedule. */
    public RoundReport(int index, long seed, Strategy strategy, String plan, long noiseEvents,
            Map<String, int[]> lastNoise, List<SiteUsage> sites, BitSet contended, List<Race> races) {
        this(index, seed, strategy, plan, noiseEvents, lastNoise, sites, contended, races, null);
    }

    /** The last noise sites of each thread, written out for a failure message. */
    public String describeLastNoise() {
        if (lastNoise.isEmpty()) {
            return "  (no noise was injected)";
        }
        StringBuilder text = new StringBuilder();
        lastNoise.forEach((thread, siteIds) -> {
            text.append("  ").append(thread).append(':');
            for (int id : siteIds) {
                Site site = Sites.get(id);
                text.append("\n    at ").append(site == null ? "site #" + id : site.toString());
            }
            text.append('\n');
        });
        return text.toString().stripTrailing();
    }

    /** The races, written out for a report; empty when there are none. */
    public String describeRaces() {
        StringBuilder text = new StringBuilder();
        for (Race race : races) {
            text.append(race.describe()).append('\n');
        }
        return text.toString().stripTrailing();
    }
}
