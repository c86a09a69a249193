package dev.jostle.hunt;

import dev.jostle.agent.desugar.LambdaDesugaring;
import dev.jostle.agent.instrument.MethodReferenceBridges;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The program's class files, read once for the whole hunt. A round then costs a class loader and the
 * definition of its classes, not a search of the class path and a read of every file; resources are
 * found through one long-lived loader over the class path.
 *
 * <p>Classes are handed out with their lambdas desugared ({@link LambdaDesugaring}): linking a lambda
 * through {@code LambdaMetafactory} spins a class per call site in every round's loader, which cost the
 * plain JVM a third of its rounds per second on a two-lambda program. The lambda classes made for a class
 * are handed out by name like the program's own. {@code -Djostle.desugarLambdas=false} turns this off.
 */
final class ClassBytes implements AutoCloseable {

    /** A class file and the protection domain (code source) of the entry it came from. */
    static final class Entry {
        final byte[] bytes;
        final ProtectionDomain domain;

        Entry(byte[] bytes, ProtectionDomain domain) {
            this.bytes = bytes;
            this.domain = domain;
        }
    }

    private static final Entry MISSING = new Entry(new byte[0], null);

    private final URLClassLoader resources;
    private final Map<String, Entry> classes = new ConcurrentHashMap<>();
    private final Map<String, ProtectionDomain> domains = new ConcurrentHashMap<>();
    /** Lambda classes made while desugaring the classes read so far. */
    private final Map<String, Entry> lambdaClasses = new ConcurrentHashMap<>();
    /** Null when lambdas are linked as written. */
    private final LambdaDesugaring desugaring;

    ClassBytes(URL[] classPath) {
        this(classPath, !"false".equals(System.getProperty("jostle.desugarLambdas")));
    }

    ClassBytes(URL[] classPath, boolean desugarLambdas) {
        this.resources = new URLClassLoader(classPath, null);
        this.desugaring = desugarLambdas ? new LambdaDesugaring(this::asLoaded) : null;
    }

    /** The class file for a binary class name, or null when the class path has none. */
    Entry get(String className) {
        Entry made = lambdaClasses.get(className);
        if (made != null) {
            return made;
        }
        Entry entry = classes.computeIfAbsent(className, this::read);
        return entry == MISSING ? null : entry;
    }

    URLClassLoader resources() {
        return resources;
    }

    private Entry read(String className) {
        String path = className.replace('.', '/') + ".class";
        URL url = resources.findResource(path);
        if (url == null) {
            return MISSING;
        }
        byte[] file;
        ProtectionDomain domain;
        try (InputStream in = url.openStream()) {
            file = in.readAllBytes();
            domain = domain(url, path);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read " + url, unreadable);
        }
        if (desugaring == null) {
            return new Entry(file, domain);
        }
        // Bridges first: a method reference to a hooked call must reach it through a method of the host,
        // which the agent instruments, not through the lambda class desugaring makes (never instrumented).
        LambdaDesugaring.Result desugared = desugaring.desugar(MethodReferenceBridges.rewrite(file));
        desugared.lambdaClasses().forEach((name, bytes) -> lambdaClasses.put(name, new Entry(bytes, domain)));
        return new Entry(desugared.classFile(), domain);
    }

    /**
     * A class file as a round's loader would find it, for the desugaring's access checks: the JDK's first
     * (the loader's parent is the platform class loader), then the program's, as written.
     */
    private byte[] asLoaded(String internalName) {
        String path = internalName + ".class";
        try (InputStream jdk = ClassLoader.getPlatformClassLoader().getResourceAsStream(path)) {
            if (jdk != null) {
                return jdk.readAllBytes();
            }
            URL url = resources.findResource(path);
            if (url == null) {
                return null;
            }
            try (InputStream in = url.openStream()) {
                return in.readAllBytes();
            }
        } catch (IOException unreadable) {
            return null;
        }
    }

    /** One protection domain per class path entry, so that getCodeSource() names the folder or jar. */
    private ProtectionDomain domain(URL url, String path) throws MalformedURLException {
        String text = url.toString();
        String base;
        if (text.startsWith("jar:") && text.contains("!/")) {
            base = text.substring("jar:".length(), text.indexOf("!/"));
        } else {
            base = text.endsWith(path) ? text.substring(0, text.length() - path.length()) : text;
        }
        URL location = new URL(base);
        return domains.computeIfAbsent(base,
                b -> new ProtectionDomain(new CodeSource(location, (CodeSigner[]) null), null));
    }

    @Override
    public void close() throws IOException {
        resources.close();
    }
}
