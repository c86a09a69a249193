/*
 * Searchers told "found" before "where", fixed with a one-shot channel.
 *
 * The finder sends the position through a CompletableFuture, a channel that carries exactly one message.
 * The coordinator blocks on it (no spinning), and whatever the finder did before complete() happens-before
 * the coordinator's get() returns. Searchers ask isDone() to stop early.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only Search
 */
package dev.jostle.samples.visibility;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** The position travels through a one-message channel. */
public final class Search_04_Channel implements Lookout {

    private final CompletableFuture<Integer> news = new CompletableFuture<>();

    @Override
    public void report(int where) {
        news.complete(where);
    }

    @Override
    public boolean spotted() {
        return news.isDone();
    }

    @Override
    public int awaitPosition() throws InterruptedException {
        try {
            return news.get();
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
