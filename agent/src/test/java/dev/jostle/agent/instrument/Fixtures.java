package dev.jostle.agent.instrument;

import dev.jostle.agent.install.AgentConfig;
import dev.jostle.agent.install.AgentInstaller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/** Loads the classes of {@code dev.jostle.fixtures} instrumented, and finds their marked source lines. */
public final class Fixtures {

    public static final String PACKAGE = "dev.jostle.fixtures.";
    private static final Path SOURCES = Path.of("src/test/java/dev/jostle/fixtures");

    private final TransformingClassLoader loader;

    public Fixtures() {
        URL classes = Fixtures.class.getProtectionDomain().getCodeSource().getLocation();
        AgentConfig everything = AgentConfig.read(null, new Properties());
        this.loader = new TransformingClassLoader(new URL[] {classes}, name -> name.startsWith(PACKAGE),
                AgentInstaller.transformer(everything));
    }

    /** The instrumented copy of a fixture class, by simple (or nested binary) name such as {@code Fields$Sub}. */
    public Class<?> load(String simpleName) throws ClassNotFoundException {
        return Class.forName(PACKAGE + simpleName, true, loader);
    }

    public TransformingClassLoader loader() {
        return loader;
    }

    /** Calls a static or instance method by name (the only one with that name), unwrapping its exception. */
    public static Object call(Object receiverOrClass, String method, Object... args) throws Exception {
        Class<?> type = receiverOrClass instanceof Class ? (Class<?>) receiverOrClass : receiverOrClass.getClass();
        Object receiver = receiverOrClass instanceof Class ? null : receiverOrClass;
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(method)) {
                    m.setAccessible(true);
                    try {
                        return m.invoke(receiver, args);
                    } catch (InvocationTargetException e) {
                        if (e.getCause() instanceof Exception) {
                            throw (Exception) e.getCause();
                        }
                        throw e;
                    }
                }
            }
        }
        throw new NoSuchMethodException(type.getName() + "." + method);
    }

    /** The line of {@code fixtures/<file>.java} that ends with the comment {@code // <marker>}. */
    public static int line(String file, String marker) {
        try {
            List<String> lines = Files.readAllLines(SOURCES.resolve(file + ".java"));
            int found = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).trim().endsWith("// " + marker)) {
                    if (found >= 0) {
                        throw new IllegalStateException("marker " + marker + " twice in " + file);
                    }
                    found = i + 1;
                }
            }
            if (found < 0) {
                throw new IllegalStateException("no marker " + marker + " in " + file);
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
