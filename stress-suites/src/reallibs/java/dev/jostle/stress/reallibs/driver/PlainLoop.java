package dev.jostle.stress.reallibs.driver;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The baseline hunt is measured against: re-runs a program's {@code main} in a fresh class loader, no agent,
 * until it throws or the budget is spent, and prints one line: {@code found MILLIS RUNS MESSAGE} or
 * {@code none RUNS}.
 *
 * <p>Usage: {@code PlainLoop BUDGET_MILLIS CLASS_PATH MAIN}. A run still going after {@link #RUN_TIMEOUT_MILLIS}
 * counts as found with the message {@code hang}, the same bound hunt puts on a round.
 */
public final class PlainLoop {
    static final long RUN_TIMEOUT_MILLIS = 5_000;

    public static void main(String[] args) throws Exception {
        long budget = Long.parseLong(args[0]);
        URL[] classPath = urls(args[1]);
        String mainClass = args[2];
        long start = System.nanoTime();
        int runs = 0;
        while (millisSince(start) < budget) {
            runs++;
            String failure = runOnce(classPath, mainClass);
            if (failure != null) {
                System.out.println("found " + millisSince(start) + " " + runs + " " + failure);
                System.exit(0);
            }
        }
        System.out.println("none " + runs);
        System.exit(0);
    }

    private static String runOnce(URL[] classPath, String mainClass) throws Exception {
        URLClassLoader loader = new URLClassLoader(classPath, ClassLoader.getPlatformClassLoader());
        Method main = loader.loadClass(mainClass).getMethod("main", String[].class);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread run = new Thread(() -> {
            try {
                main.invoke(null, (Object) new String[0]);
            } catch (InvocationTargetException e) {
                thrown.set(e.getCause());
            } catch (ReflectiveOperationException e) {
                thrown.set(e);
            }
        }, "plain-run");
        run.setDaemon(true);
        run.start();
        run.join(RUN_TIMEOUT_MILLIS);
        if (run.isAlive()) {
            return "hang";
        }
        loader.close();
        Throwable failure = thrown.get();
        return failure == null ? null : failure.toString().replace('\n', ' ');
    }

    private static URL[] urls(String classPath) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            urls.add(new File(entry).toURI().toURL());
        }
        return urls.toArray(new URL[0]);
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private PlainLoop() {
    }
}
