package dev.jostle.agent.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.function.Predicate;

/**
 * A child-first class loader that passes the classes it owns through a transformer before defining them,
 * as the JVM does for an installed agent. Everything else (JUnit, the bootstrap hooks) comes from the
 * parent, so instrumented code and the test share one {@code Hooks} and one {@code Probes}.
 */
public final class TransformingClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final Predicate<String> owns;
    private final ClassFileTransformer transformer;
    private int transformed;
    private final java.util.List<String> untouched = new java.util.ArrayList<>();
    private final java.util.Map<String, byte[]> definedBytes = new java.util.HashMap<>();

    public TransformingClassLoader(URL[] urls, Predicate<String> owns, ClassFileTransformer transformer) {
        super(urls, TransformingClassLoader.class.getClassLoader());
        this.owns = owns;
        this.transformer = transformer;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!owns.test(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = defineOwn(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    private Class<?> defineOwn(String name) throws ClassNotFoundException {
        String internalName = name.replace('.', '/');
        byte[] original;
        // From this loader's own URLs: getResourceAsStream would ask the parent first, and the parent may hold
        // another build of the same class (javac's, where a test compiled its own with ecj).
        URL own = findResource(internalName + ".class");
        if (own == null) {
            throw new ClassNotFoundException(name);
        }
        try (InputStream in = own.openStream()) {
            original = in.readAllBytes();
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
        byte[] bytes;
        try {
            bytes = transformer.transform(this, internalName, null, null, original);
        } catch (IllegalClassFormatException e) {
            throw new ClassNotFoundException(name, e);
        }
        if (bytes == null) {
            synchronized (this) {
                untouched.add(name);
            }
            bytes = original;
        } else {
            synchronized (this) {
                transformed++;
                definedBytes.put(name, bytes);
            }
        }
        return defineClass(name, bytes, 0, bytes.length);
    }

    /** Classes the transformer changed. */
    public synchronized int transformed() {
        return transformed;
    }

    /** The instrumented bytes this loader defined for a class (binary name), or null if it was left alone. */
    public synchronized byte[] instrumented(String name) {
        return definedBytes.get(name);
    }

    /** Classes the transformer left alone (ignored, or failed and reported). */
    public synchronized java.util.List<String> untouched() {
        return new java.util.ArrayList<>(untouched);
    }
}
