/*
 * Check-then-act (put-if-absent), fixed with a channel.
 *
 * The map belongs to one thread, the tab keeper. A waiter sends "open ada's tab" with a queue for the
 * answer; the keeper handles one request at a time, so its check and its put can never be split by another
 * request. The map is a local variable of the keeper: no other thread can reach it.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only PutIfAbsent
 */
package dev.jostle.samples.checkthenact;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;

/** A keeper thread owns the tabs; waiters send it requests. */
public final class PutIfAbsent_04_Channel implements Tabs {

    /** A request to the keeper: a tab for a customer (null customer: how many were opened; stop: close). */
    private record Request(String customer, boolean stop, BlockingQueue<Object> answer) {
    }

    private final BlockingQueue<Request> inbox = new LinkedBlockingQueue<>();
    private final Thread keeper = new Thread(this::keep, "tab-keeper");

    public PutIfAbsent_04_Channel() {
        keeper.start();
    }

    private void keep() {
        Map<String, Tab> tabs = new HashMap<>();
        try {
            while (true) {
                Request request = inbox.take();
                if (request.stop()) {
                    return;
                }
                if (request.customer() == null) {
                    request.answer().put(tabs.size());
                } else {
                    request.answer().put(tabs.computeIfAbsent(request.customer(), Tab::new));
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private Object ask(String customer) {
        BlockingQueue<Object> answer = new SynchronousQueue<>();
        inbox.add(new Request(customer, false, answer));
        try {
            return answer.take();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the tab keeper");
        }
    }

    @Override
    public Tab tabFor(String customer) {
        return (Tab) ask(customer);
    }

    @Override
    public int opened() {
        return (Integer) ask(null);
    }

    @Override
    public void close() {
        inbox.add(new Request(null, true, null));
        try {
            keeper.join();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
