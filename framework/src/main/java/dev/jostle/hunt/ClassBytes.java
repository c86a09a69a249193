package dev.jostle.hunt;

import dev.jostle.agent.desugar.LambdaDesugaring;
import dev.jostle.agent.instrument.MethodReferenceBridges;
import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * The program's class files, read once for the whole hunt. A round then costs a class loader and the
 * definition of its classes, not a search of the class path and a read of every file; resources are
 * found through one long-lived loader over the class path.
 *
 * <p>Class files are read through jar files this object opens and alone closes, never through a jar URL's
 * connection: that shares one JVM-wide cached {@code JarFile} with every reader of the jar, and the program
 * can close it (closing a {@code URLClassLoader} of its own closes the jar files its resources came from).
 * A round reading a class at that moment failed with {@code ClassNotFoundException}; a plain JVM never
 * reads classes through that cache, so this is how the program's class loader behaves too.
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
    /** By the jar's file URL: the jars class files are read from, opened on first use. */
    private final Map<String, JarFile> jars = new ConcurrentHashMap<>();
    private volatile boolean closed;
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
        try {
            file = readAll(url);
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
            return url == null ? null : readAll(url);
        } catch (IOException unreadable) {
            return null;
        }
    }

    /** The file a class path search found: from a jar this object opened, a folder, or else a private connection. */
    private byte[] readAll(URL url) throws IOException {
        String text = url.toString();
        int inJar = text.indexOf("!/");
        try {
            if (text.startsWith("jar:file:") && inJar > 0) {
                JarFile jar = jar(text.substring("jar:".length(), inJar));
                // The URL names the entry as the class path found it (a multi-release jar's versioned one).
                String entryName = new URI("file:/" + text.substring(inJar + 2)).getPath().substring(1);
                ZipEntry entry = jar.getEntry(entryName);
                if (entry == null) {
                    throw new FileNotFoundException("no entry " + entryName + " in " + jar.getName());
                }
                try (InputStream in = jar.getInputStream(entry)) {
                    return in.readAllBytes();
                }
            }
            if (text.startsWith("file:")) {
                return Files.readAllBytes(Path.of(url.toURI()));
            }
        } catch (URISyntaxException | IllegalArgumentException unusual) {
            // read it as any other URL
        }
        URLConnection connection = url.openConnection();
        connection.setUseCaches(false); // a connection of its own, closed with its stream
        try (InputStream in = connection.getInputStream()) {
            return in.readAllBytes();
        }
    }

    private JarFile jar(String fileUrl) throws IOException, URISyntaxException {
        JarFile jar = jars.get(fileUrl);
        if (jar != null) {
            return jar;
        }
        File file = Path.of(new URI(fileUrl)).toFile();
        synchronized (jars) {
            if (closed) {
                throw new IOException("the hunt is over: " + file + " is closed");
            }
            jar = jars.get(fileUrl);
            if (jar == null) {
                jar = new JarFile(file, false); // read as the class path reads it; nothing is verified here
                jars.put(fileUrl, jar);
            }
            return jar;
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
        synchronized (jars) {
            closed = true;
            for (JarFile jar : jars.values()) {
                jar.close();
            }
            jars.clear();
        }
        resources.close();
    }
}
