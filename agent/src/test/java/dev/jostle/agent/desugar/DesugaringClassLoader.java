package dev.jostle.agent.desugar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A child-first class loader that desugars the lambdas of the classes it owns before defining them, and
 * defines the lambda classes that desugaring made when they are asked for by name, as a hunt's loader does.
 * Class files for desugaring's access checks come from the platform class loader, then from this loader's
 * own URLs: what this loader would find for the JDK and for the classes it owns.
 */
final class DesugaringClassLoader extends URLClassLoader {

    private final Predicate<String> owns;
    private final LambdaDesugaring desugaring;
    /** Binary name to the bytes defined, for every owned class, rewritten or not. */
    private final Map<String, byte[]> definedOwned = new LinkedHashMap<>();
    /** Binary name to class file, for every lambda class desugaring made, defined or not (yet). */
    private final Map<String, byte[]> lambdaClassesMade = new LinkedHashMap<>();
    private final List<String> lambdaClassesDefined = new ArrayList<>();
    private int rewritten;

    DesugaringClassLoader(URL[] urls, Predicate<String> owns) {
        super(urls, DesugaringClassLoader.class.getClassLoader());
        this.owns = owns;
        this.desugaring = new LambdaDesugaring(this::classFile);
    }

    /** Desugars with class files for access checks from {@code classFiles} instead. */
    DesugaringClassLoader(URL[] urls, Predicate<String> owns, Function<String, byte[]> classFiles) {
        super(urls, DesugaringClassLoader.class.getClassLoader());
        this.owns = owns;
        this.desugaring = new LambdaDesugaring(classFiles);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                byte[] lambdaClass = lambdaClass(name);
                if (lambdaClass != null) {
                    loaded = defineClass(name, lambdaClass, 0, lambdaClass.length);
                    synchronized (this) {
                        lambdaClassesDefined.add(name);
                    }
                } else if (owns.test(name)) {
                    loaded = defineOwn(name);
                } else {
                    return super.loadClass(name, resolve);
                }
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    /** The lambda class of that name, made when its host was desugared (which this does first if need be). */
    private byte[] lambdaClass(String name) throws ClassNotFoundException {
        int mark = name.indexOf(LambdaDesugaring.NAME_MARK);
        if (mark < 0) {
            return null;
        }
        String host = name.substring(0, mark);
        if (owns.test(host)) {
            loadClass(host, false);
        }
        synchronized (this) {
            return lambdaClassesMade.get(name);
        }
    }

    private Class<?> defineOwn(String name) throws ClassNotFoundException {
        byte[] original = ownClassFile(name.replace('.', '/'));
        if (original == null) {
            throw new ClassNotFoundException(name);
        }
        LambdaDesugaring.Result result = desugaring.desugar(original);
        byte[] bytes = result.classFile();
        synchronized (this) {
            definedOwned.put(name, bytes);
            lambdaClassesMade.putAll(result.lambdaClasses());
            if (bytes != original) {
                rewritten++;
            }
        }
        return defineClass(name, bytes, 0, bytes.length);
    }

    /** A class file as this loader would find it, for desugaring's access checks. */
    private byte[] classFile(String internalName) {
        try (InputStream platform = ClassLoader.getPlatformClassLoader()
                .getResourceAsStream(internalName + ".class")) {
            if (platform != null) {
                return platform.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ownClassFile(internalName);
    }

    /** From this loader's own URLs only: the parent may hold the same class, which is not the one defined here. */
    private byte[] ownClassFile(String internalName) {
        URL own = findResource(internalName + ".class");
        if (own == null) {
            return null;
        }
        try (InputStream in = own.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes defined for an owned class (binary name), or null when it was not loaded here. */
    synchronized byte[] defined(String name) {
        return definedOwned.get(name);
    }

    /** Owned classes desugaring changed. */
    synchronized int rewritten() {
        return rewritten;
    }

    /** Every lambda class made for the owned classes defined so far, by binary name. */
    synchronized Map<String, byte[]> lambdaClassesMade() {
        return new HashMap<>(lambdaClassesMade);
    }

    /** The lambda classes defined so far, in order: each one a call site that was evaluated (or loaded here). */
    synchronized List<String> lambdaClassesDefined() {
        return new ArrayList<>(lambdaClassesDefined);
    }
}
