package dev.jostle.hunt;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What rounds running at once in one JVM share and may collide over: the working directory (its entries, those
 * that differ from a listing taken at the start, and those the file system reports created, changed or removed
 * meanwhile, which catches a file made and deleted again) and JVM-wide defaults (system
 * properties, the default locale, time zone, authenticator, proxy selector and cookie handler, compared at the
 * start and the end). Seen before and after, not per round: rounds at once cannot be told apart there. A
 * failure then gets a hint that it may be a collision, not a bug.
 */
final class SharedState implements AutoCloseable {

    private static final int NAMED_AT_MOST = 3;

    private final Path directory;
    private final Path ownFile;
    private final WatchService watcher;
    private final Map<String, String> listing;
    private final Map<String, String> properties;
    private final List<Object> defaults;

    private SharedState(Path directory, Path ownFile, WatchService watcher) {
        this.directory = directory;
        this.ownFile = ownFile;
        this.watcher = watcher;
        this.listing = listing(directory);
        // Defaults first: reading the default time zone sets user.timezone, the first time it is read.
        this.defaults = defaults();
        this.properties = properties();
    }

    /**
     * Starts watching; a directory that cannot be watched is not (the defaults still are).
     *
     * @param ownFile a file the hunt itself writes there (its {@code --json}), or null
     */
    static SharedState watch(Path directory, Path ownFile) {
        WatchService watcher = null;
        try {
            watcher = FileSystems.getDefault().newWatchService();
            directory.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                    StandardWatchEventKinds.ENTRY_MODIFY);
        } catch (IOException | RuntimeException unwatchable) {
            close(watcher);
            watcher = null;
        }
        return new SharedState(directory, ownFile == null ? null : ownFile.toAbsolutePath().normalize(), watcher);
    }

    /** One line for a failure found with rounds at once in this JVM, when they touched what they share; else null. */
    String hint(int atOnce) {
        List<String> touched = new ArrayList<>();
        TreeSet<String> entries = entriesWritten();
        if (!entries.isEmpty()) {
            touched.add("wrote into the working directory (" + named(entries) + ")");
        }
        TreeSet<String> changed = propertiesChanged();
        if (!changed.isEmpty()) {
            touched.add("set system properties (" + named(changed) + ")");
        }
        if (!defaults.equals(defaults())) {
            touched.add("changed a JVM-wide default (locale, time zone, authenticator, proxy selector or cookie"
                    + " handler)");
        }
        if (touched.isEmpty()) {
            return null;
        }
        return "hint: rounds ran " + atOnce + " at once in one JVM and " + String.join(" and ", touched)
                + "; if they collided there, this is no bug of the program: hunt with --forks " + atOnce
                + " (each round in a JVM and directory of its own) or --parallel 1";
    }

    private TreeSet<String> entriesWritten() {
        TreeSet<String> names = new TreeSet<>();
        // The listing first: the file system's reports come a moment late, and not always in one batch.
        Map<String, String> now = listing(directory);
        for (Map.Entry<String, String> entry : now.entrySet()) {
            if (!entry.getValue().equals(listing.get(entry.getKey()))) {
                names.add(entry.getKey());
            }
        }
        for (String name : listing.keySet()) {
            if (!now.containsKey(name)) {
                names.add(name);
            }
        }
        names.removeIf(this::isOwnFile);
        if (watcher == null) {
            return names;
        }
        WatchKey key;
        try {
            // The file system reports a change a moment after it: wait that moment for the first.
            key = watcher.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            key = watcher.poll();
        }
        for (; key != null; key = watcher.poll()) {
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                    names.add("many entries");
                } else if (!isOwnFile(event.context().toString())) {
                    names.add(event.context().toString());
                }
            }
            key.reset();
        }
        return names;
    }

    private boolean isOwnFile(String name) {
        return directory.resolve(name).toAbsolutePath().normalize().equals(ownFile);
    }

    /** The directory's entries, each with its modification time and size; empty when it cannot be listed. */
    private static Map<String, String> listing(Path directory) {
        Map<String, String> entries = new TreeMap<>();
        try (java.util.stream.Stream<Path> paths = java.nio.file.Files.list(directory)) {
            paths.forEach(path -> {
                try {
                    entries.put(path.getFileName().toString(), java.nio.file.Files.getLastModifiedTime(path) + " "
                            + java.nio.file.Files.size(path));
                } catch (IOException | RuntimeException gone) {
                    // removed as it was listed: the next listing tells
                }
            });
        } catch (IOException | RuntimeException unlistable) {
            entries.clear();
        }
        return entries;
    }

    private TreeSet<String> propertiesChanged() {
        TreeSet<String> changed = new TreeSet<>();
        Map<String, String> now = properties();
        for (Map.Entry<String, String> entry : now.entrySet()) {
            if (!Objects.equals(entry.getValue(), properties.get(entry.getKey()))) {
                changed.add(entry.getKey());
            }
        }
        for (String key : properties.keySet()) {
            if (!now.containsKey(key)) {
                changed.add(key);
            }
        }
        // The hunt's own (the agent's settings) are not the program's.
        changed.removeIf(key -> key.startsWith("jostle."));
        return changed;
    }

    private static Map<String, String> properties() {
        Map<String, String> copy = new TreeMap<>();
        Properties all = System.getProperties();
        for (String key : all.stringPropertyNames()) {
            copy.put(key, all.getProperty(key));
        }
        return copy;
    }

    private static List<Object> defaults() {
        List<Object> values = new ArrayList<>();
        values.add(Locale.getDefault());
        values.add(Locale.getDefault(Locale.Category.FORMAT));
        values.add(Locale.getDefault(Locale.Category.DISPLAY));
        values.add(TimeZone.getDefault().getID());
        values.add(identity(Authenticator.getDefault()));
        values.add(identity(ProxySelector.getDefault()));
        values.add(identity(CookieHandler.getDefault()));
        return values;
    }

    /** Compared by identity: a default set anew is a change even when it equals the old one. */
    private static Object identity(Object value) {
        return value == null ? "null" : System.identityHashCode(value) + "@" + value.getClass().getName();
    }

    private static String named(TreeSet<String> names) {
        List<String> first = new ArrayList<>(names).subList(0, Math.min(NAMED_AT_MOST, names.size()));
        return String.join(", ", first) + (names.size() > NAMED_AT_MOST ? ", ..." : "");
    }

    @Override
    public void close() {
        close(watcher);
    }

    private static void close(WatchService watcher) {
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException ignored) {
                // nothing more to watch
            }
        }
    }
}
