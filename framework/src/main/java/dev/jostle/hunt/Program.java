package dev.jostle.hunt;

import dev.jostle.engine.LoadingTime;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A program to hunt in: its class path and what each round calls (see {@link ProgramMain}), checked once
 * before any round runs. Every round gets a fresh class loader, so the program's statics start fresh, as in
 * a new JVM.
 */
final class Program implements AutoCloseable {

    private final ClassBytes classBytes;
    private final ProgramMain main;
    private final boolean assertions;
    private RoundCall call;

    private Program(URL[] classPath, ProgramMain main, boolean assertions) {
        this.classBytes = new ClassBytes(classPath);
        this.main = main;
        this.assertions = assertions;
    }

    /**
     * Checks that the class path can be read, that the class exists and has what {@code main} names: a
     * {@code public static void main(String[])}, a method without arguments, or {@code @Test} methods.
     *
     * @throws UsageException naming what is wrong
     */
    static Program check(List<String> classPath, ProgramMain main, List<String> args, boolean assertions)
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
        Program program = new Program(urls.toArray(new URL[0]), main, assertions);
        try {
            program.call = RoundCall.of(program.load(String.join(java.io.File.pathSeparator, classPath)), main, args);
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

    private Class<?> load(String classPathText) throws UsageException {
        String name = main.className();
        try {
            // Not initialised: the program's static initialisers run in rounds, under noise.
            return Class.forName(name, false, newLoader());
        } catch (ClassNotFoundException missing) {
            throw new UsageException("class not found: " + name + " (class path: " + classPathText + ")");
        } catch (LinkageError broken) {
            throw new UsageException("class " + name + " cannot be loaded: " + broken, broken);
        }
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

    /** Loads the class in the given loader (running its static initialiser) and makes the round's call. */
    void run(ClassLoader loader, long roundSeed) throws Throwable {
        call.run(Class.forName(main.className(), true, loader), roundSeed);
    }

    /** The method a round under this seed calls ({@code Class#@Test} takes them in turn); null for a main. */
    String methodFor(long roundSeed) {
        return call.methodFor(roundSeed);
    }
}
