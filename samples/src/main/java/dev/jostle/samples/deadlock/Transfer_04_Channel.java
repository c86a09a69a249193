/*
 * Deadlock by lock ordering, avoided with a teller that owns the accounts.
 *
 * One teller thread owns every balance (a local array no one else can reach). Clerks send it Transfer
 * messages through a queue and wait for the receipt. The teller carries out one transfer at a time; with a
 * single owner there are no locks to order, and the queue is the only thing clerks share.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only Transfer
 */
package dev.jostle.samples.deadlock;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;

/** A teller thread owns the balances; clerks send it transfers. */
public final class Transfer_04_Channel implements Bank {

    /** A request: a transfer (amount > 0), a question about the total (amount 0), or stop (amount < 0). */
    private record Request(int from, int to, int amount, BlockingQueue<Integer> receipt) {
    }

    private final BlockingQueue<Request> inbox = new LinkedBlockingQueue<>();
    private final Thread teller;

    public Transfer_04_Channel(int openingBalance) {
        teller = new Thread(() -> serve(openingBalance), "teller");
        teller.start();
    }

    private void serve(int openingBalance) {
        int[] balances = {openingBalance, openingBalance};
        try {
            while (true) {
                Request request = inbox.take();
                if (request.amount() < 0) {
                    return;
                }
                balances[request.from()] -= request.amount();
                balances[request.to()] += request.amount();
                request.receipt().put(balances[0] + balances[1]);
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private int send(int from, int to, int amount) {
        BlockingQueue<Integer> receipt = new SynchronousQueue<>();
        inbox.add(new Request(from, to, amount, receipt));
        try {
            return receipt.take();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the teller");
        }
    }

    @Override
    public void transfer(int from, int to, int amount) {
        send(from, to, amount);
    }

    @Override
    public int total() {
        return send(0, 0, 0);
    }

    @Override
    public void close() {
        inbox.add(new Request(0, 0, -1, null));
        try {
            teller.join();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
