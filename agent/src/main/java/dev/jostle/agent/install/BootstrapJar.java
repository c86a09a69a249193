package dev.jostle.agent.install;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Copies the bootstrap package out of the agent's own jar (or class folder) into a small temporary jar
 * and appends it to the boot class path, so every class loader resolves the same {@code Hooks}.
 */
public final class BootstrapJar {

    static final String PACKAGE_PATH = "dev/jostle/agent/bootstrap/";

    private BootstrapJar() {
    }

    public static void append(java.lang.instrument.Instrumentation inst, Class<?> anchor) throws IOException {
        if (alreadyOnBootClassPath()) {
            return;
        }
        Path source = location(anchor);
        Path jar = Files.createTempFile("jostle-bootstrap-", ".jar");
        jar.toFile().deleteOnExit();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            if (Files.isDirectory(source)) {
                copyFromFolder(source, out);
            } else {
                copyFromJar(source, out);
            }
        }
        inst.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
    }

    private static boolean alreadyOnBootClassPath() {
        try {
            Class.forName("dev.jostle.agent.bootstrap.Hooks", false, null);
            return true;
        } catch (ClassNotFoundException notThere) {
            return false;
        }
    }

    private static Path location(Class<?> anchor) throws IOException {
        CodeSource source = anchor.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IOException("cannot find the jar " + anchor.getName() + " was loaded from");
        }
        try {
            return new File(source.getLocation().toURI()).toPath();
        } catch (URISyntaxException e) {
            throw new IOException("bad agent location " + source.getLocation(), e);
        }
    }

    private static void copyFromJar(Path source, JarOutputStream out) throws IOException {
        try (JarFile jar = new JarFile(source.toFile())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().startsWith(PACKAGE_PATH) && entry.getName().endsWith(".class")) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    try (InputStream in = jar.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
    }

    private static void copyFromFolder(Path root, JarOutputStream out) throws IOException {
        Path folder = root.resolve(PACKAGE_PATH);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (file.toString().endsWith(".class")) {
                    out.putNextEntry(new JarEntry(PACKAGE_PATH + file.getFileName()));
                    Files.copy(file, (OutputStream) out);
                    out.closeEntry();
                }
            }
        }
    }
}
