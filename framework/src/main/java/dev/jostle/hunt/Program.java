package dev.jostle.hunt;

import dev.jostle.engine.LoadingTime;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A program to hunt in: its class path, main class and arguments, checked once before any round runs.
 * Every round gets a fresh class loader, so the program's statics start fresh, as in a new JVM.
 */
final class Program implements AutoCloseable {

    private static final MethodType MAIN = MethodType.methodType(void.class, String[].class);

    private final ClassBytes classBytes;
    private final String mainClass;
    private final String[] args;
    private final boolean assertions;

    private Program(URL[] classPath, String mainClass, String[] args, boolean assertions) {
        this.classBytes = new ClassBytes(classPath);
        this.mainClass = mainClass;
        this.args = args;
        this.assertions = assertions;
    }

    /**
     * Checks that the class path can be read and that the main class exists and has a
     * {@code public static void main(String[])}.
     *
     * @throws UsageException naming what is wrong
     */
    static Program check(List<String> classPath, String mainClass, List<String> args, boolean assertions)
            throws UsageException {
        List<URL> urls = new ArrayList<>();
        for (String entry : classPath) {
            Path path = Path.of(entry).toAbsolutePath().normalize();
            if (!Files.exists(path)) {
                throw new UsageException("class path entry '" + entry + "' does not exist");
            }
            if (!Files.isReadable(path)) {
                throw new UsageException("class path entry '" + entry + "' cannot be read");
            }
            if (!Files.isDirectory(path) && !isJar(path)) {
                throw new UsageException("class path entry '" + entry + "' is neither a folder nor a jar");
            }
            try {
                urls.add(path.toUri().toURL());
            } catch (MalformedURLException bad) {
                throw new UsageException("class path entry '" + entry + "' is not usable: " + bad.getMessage());
            }
        }
        Program program = new Program(urls.toArray(new URL[0]), mainClass, args.toArray(new String[0]), assertions);
        try {
            program.checkMain(String.join(java.io.File.pathSeparator, classPath));
        } catch (UsageException bad) {
            program.close();
            throw bad;
        }
        return program;
    }

    private static boolean isJar(Path path) {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(path.toFile())) {
            return true;
        } catch (IOException notAZip) {
            return false;
        }
    }

    private void checkMain(String classPathText) throws UsageException {
        Class<?> type;
        try {
            // Not initialised: the program's static initialisers run in rounds, under noise.
            type = Class.forName(mainClass, false, newLoader());
        } catch (ClassNotFoundException missing) {
            throw new UsageException("class not found: " + mainClass + " (class path: " + classPathText + ")");
        } catch (LinkageError broken) {
            throw new UsageException("class " + mainClass + " cannot be loaded: " + broken, broken);
        }
        Method main;
        try {
            main = type.getMethod("main", String[].class); // public, possibly inherited, as java accepts it
        } catch (NoSuchMethodException | LinkageError none) {
            throw new UsageException(noMain());
        }
        if (!Modifier.isStatic(main.getModifiers()) || main.getReturnType() != void.class
                || !Modifier.isPublic(type.getModifiers())) {
            throw new UsageException(noMain());
        }
    }

    private String noMain() {
        return "class " + mainClass + " has no public static void main(String[])"
                + " (the class itself must be public, too)";
    }

    /** A fresh loader over the program's class path, isolated from Jostle's own classes. */
    ClassLoader newLoader() {
        return newLoader(new LoadingTime());
    }

    /** A fresh loader that adds the time it spends loading classes to {@code loadingTime}. */
    ClassLoader newLoader(LoadingTime loadingTime) {
        return new RoundClassLoader(classBytes, assertions, loadingTime);
    }

    @Override
    public void close() {
        try {
            classBytes.close();
        } catch (IOException ignored) {
            // only open jar files to release, and the JVM ends soon after
        }
    }

    /** Loads the main class in the given loader (running its static initialiser) and calls main. */
    void runMain(ClassLoader loader) throws Throwable {
        Class<?> type = Class.forName(mainClass, true, loader);
        MethodHandle main = MethodHandles.publicLookup().findStatic(type, "main", MAIN);
        main.invokeExact(args.clone());
    }

    String mainClass() {
        return mainClass;
    }
}
