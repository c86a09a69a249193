package dev.jostle.report;

import dev.jostle.agent.bootstrap.Sites;
import dev.jostle.agent.schedule.Schedule;
import java.util.ArrayList;
import java.util.List;

/** A controlled round's schedule made by hand, step by step; its threads are main, adder-a and adder-b. */
final class FabricatedSchedule {

    private final List<int[]> steps = new ArrayList<>();
    private final List<String> threads;

    FabricatedSchedule() {
        this("main", "adder-a", "adder-b");
    }

    /** A schedule whose threads have these names, by number. */
    FabricatedSchedule(String... threads) {
        this.threads = List.of(threads);
    }

    FabricatedSchedule add(int thread, int site) {
        return add(thread, site, Sites.get(site).kind);
    }

    FabricatedSchedule add(int thread, int site, int event) {
        steps.add(new int[] {thread, site, event});
        return this;
    }

    FabricatedSchedule repeat(int thread, int site, int times) {
        for (int i = 0; i < times; i++) {
            add(thread, site);
        }
        return this;
    }

    Schedule schedule() {
        int[] threads = new int[steps.size()];
        int[] sites = new int[steps.size()];
        byte[] events = new byte[steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            threads[i] = steps.get(i)[0];
            sites[i] = steps.get(i)[1];
            events[i] = (byte) steps.get(i)[2];
        }
        return Schedule.restored("controlled-random", threads, sites, events, steps.size(), 0,
                this.threads, null, false);
    }
}
