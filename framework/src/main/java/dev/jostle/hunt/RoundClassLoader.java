package dev.jostle.hunt;

import dev.jostle.engine.LoadingTime;
import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;

/**
 * One round's class loader: defines the program's classes afresh (so its statics start fresh) from bytes
 * read once, with the platform class loader as parent, isolated from Jostle's own classes. Instrumented
 * program classes still reach {@code dev.jostle.agent.bootstrap.Hooks}: it is on the boot class path.
 */
final class RoundClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final ClassBytes classBytes;
    private final LoadingTime loadingTime;

    RoundClassLoader(ClassBytes classBytes, boolean assertions) {
        this(classBytes, assertions, new LoadingTime());
    }

    /** @param loadingTime where the time spent loading (reading, defining, instrumenting) classes goes */
    RoundClassLoader(ClassBytes classBytes, boolean assertions, LoadingTime loadingTime) {
        super(ClassLoader.getPlatformClassLoader());
        this.classBytes = classBytes;
        this.loadingTime = loadingTime;
        setDefaultAssertionStatus(assertions);
    }

    /** Timed: the agent instruments a class while it is defined, so its cost is in here too. */
    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        loadingTime.enter();
        try {
            return super.loadClass(name, resolve);
        } finally {
            loadingTime.exit();
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        ClassBytes.Entry entry;
        try {
            entry = classBytes.get(name);
        } catch (RuntimeException unreadable) {
            throw new ClassNotFoundException(name, unreadable);
        }
        if (entry == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, entry.bytes, 0, entry.bytes.length, entry.domain);
    }

    @Override
    protected URL findResource(String name) {
        return classBytes.resources().findResource(name);
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        return classBytes.resources().findResources(name);
    }
}
