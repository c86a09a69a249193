package dev.jostle.hunt.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rounds a hunt runs, without Jostle: per round a fresh class loader defining the program's classes
 * from bytes read once, a fresh thread group, a new thread running {@code main}, joined; several rounds at
 * once. No agent, no noise, no checks. What the JVM itself can do for such rounds on this machine is the
 * ceiling for {@code hunt}'s rounds per second; {@link HuntThroughputBenchmark} runs it beside the hunt.
 *
 * <p>Arguments: CLASS_PATH_DIR MAIN_CLASS PARALLEL SECONDS. Prints {@code rounds N elapsedMillis M}.
 */
public final class PlainRounds {

    private PlainRounds() {
    }

    public static void main(String[] args) throws Exception {
        URLClassLoader classPath = new URLClassLoader(new URL[] {Path.of(args[0]).toUri().toURL()}, null);
        String mainClass = args[1];
        Map<String, byte[]> bytes = new ConcurrentHashMap<>();
        RoundDrivers.run(Integer.parseInt(args[2]), Long.parseLong(args[3]),
                () -> {
                    ClassLoader loader = new FreshLoader(classPath, bytes);
                    return () -> runMain(loader, mainClass);
                });
    }

    private static void runMain(ClassLoader loader, String mainClass) {
        try {
            MethodHandle main = MethodHandles.publicLookup().findStatic(Class.forName(mainClass, true, loader),
                    "main", MethodType.methodType(void.class, String[].class));
            main.invokeExact(new String[0]);
        } catch (Throwable failure) {
            throw new IllegalStateException("a plain round failed", failure);
        }
    }

    /** Defines the program's classes afresh, parent first, as a hunt round's loader does. */
    private static final class FreshLoader extends ClassLoader {
        private final URLClassLoader classPath;
        private final Map<String, byte[]> bytes;

        FreshLoader(URLClassLoader classPath, Map<String, byte[]> bytes) {
            super(ClassLoader.getPlatformClassLoader());
            this.classPath = classPath;
            this.bytes = bytes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] file = bytes.computeIfAbsent(name, this::read);
            if (file.length == 0) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, file, 0, file.length);
        }

        private byte[] read(String name) {
            try (InputStream in = classPath.getResourceAsStream(name.replace('.', '/') + ".class")) {
                return in == null ? new byte[0] : in.readAllBytes();
            } catch (IOException unreadable) {
                return new byte[0];
            }
        }
    }
}
