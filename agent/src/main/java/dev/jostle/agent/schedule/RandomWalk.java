package dev.jostle.agent.schedule;

import dev.jostle.agent.noise.SplitMix;
import java.util.List;

/** At every decision, one of the enabled threads, uniformly at random. */
final class RandomWalk implements SchedulePolicy {

    private long state;

    RandomWalk(long seed) {
        this.state = SplitMix.mix(seed ^ 0x57414C4BL);
    }

    @Override
    public void met(ScheduledThread thread) {
    }

    @Override
    public ScheduledThread choose(List<ScheduledThread> enabled, ScheduledThread last, long step) {
        state += 0x9E3779B97F4A7C15L;
        return enabled.get((int) Long.remainderUnsigned(SplitMix.mix(state), enabled.size()));
    }

    @Override
    public String describe() {
        return "controlled-random";
    }
}
