package dev.jostle.hunt;

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

    ClassBytes(URL[] classPath) {
        this.resources = new URLClassLoader(classPath, null);
    }

    /** The class file for a binary class name, or null when the class path has none. */
    Entry get(String className) {
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
        try (InputStream in = url.openStream()) {
            return new Entry(in.readAllBytes(), domain(url, path));
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read " + url, unreadable);
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
