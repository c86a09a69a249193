package dev.jostle.hunt;

import java.util.ArrayList;
import java.util.List;

/** The live threads of the current thread's group (a round's group), other than the current thread. */
final class RoundGroup {

    private RoundGroup() {
    }

    static List<Thread> others() {
        Thread self = Thread.currentThread();
        ThreadGroup group = self.getThreadGroup();
        if (group == null) {
            return List.of();
        }
        Thread[] threads = new Thread[group.activeCount() + 8];
        int n = group.enumerate(threads, true);
        List<Thread> others = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (threads[i] != self && threads[i].isAlive()) {
                others.add(threads[i]);
            }
        }
        return others;
    }
}
