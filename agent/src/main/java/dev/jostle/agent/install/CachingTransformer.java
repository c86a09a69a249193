package dev.jostle.agent.install;

import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import dev.jostle.agent.instrument.MethodReferenceBridges;
import dev.jostle.agent.instrument.SynchronizedMethodEntries;
import java.util.function.BiPredicate;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;

/**
 * Puts {@link InstrumentedClassCache} in front of Byte Buddy's transformer: a class file seen before (same
 * name, same bytes) is answered from the cache, without parsing or registering sites again. It also tells
 * the instrumentation whether the class is being defined or retransformed (only a definition may add
 * methods, see {@link MethodReferenceBridges}); retransformations bypass the cache, as their output differs.
 */
final class CachingTransformer extends ResettableClassFileTransformer.WithDelegation {

    private final InstrumentedClassCache cache;
    /** Whether a class (loader, binary name) may be instrumented at all: checked before a cache hit counts. */
    private final BiPredicate<ClassLoader, String> eligible;

    CachingTransformer(ResettableClassFileTransformer delegate, InstrumentedClassCache cache,
            BiPredicate<ClassLoader, String> eligible) {
        super(delegate);
        this.cache = cache;
        this.eligible = eligible;
    }

    @Override
    public byte[] transform(ClassLoader loader, String internalName, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) throws IllegalClassFormatException {
        return transform(loader, internalName, classBeingRedefined, classfileBuffer,
                () -> classFileTransformer.transform(loader, internalName, classBeingRedefined, protectionDomain,
                        classfileBuffer));
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String internalName, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) throws IllegalClassFormatException {
        return transform(loader, internalName, classBeingRedefined, classfileBuffer,
                () -> classFileTransformer.transform(module, loader, internalName, classBeingRedefined,
                        protectionDomain, classfileBuffer));
    }

    /**
     * The one path of both entry points, which differ only in the delegate's overload they call: the JVM calls
     * the one with a module, a caller without one (a test's transforming class loader) the other.
     */
    private byte[] transform(ClassLoader loader, String internalName, Class<?> classBeingRedefined,
            byte[] classfileBuffer, MethodReferenceBridges.Transformation<byte[], IllegalClassFormatException> delegate)
            throws IllegalClassFormatException {
        if (isLambdaClass(internalName)) {
            return null;
        }
        boolean defining = classBeingRedefined == null;
        byte[] cached = defining ? lookup(loader, internalName, classfileBuffer) : null;
        if (cached != null) {
            return cached;
        }
        byte[] instrumented;
        try {
            instrumented = MethodReferenceBridges.whileTransforming(defining,
                    () -> SynchronizedMethodEntries.whileTransforming(defining, classfileBuffer, delegate));
        } catch (RuntimeException alreadyReported) {
            return null; // the listener named the class; it runs as it was written
        }
        // A redefined class's bytes lack the bridges a definition of the same bytes gets: keep them apart.
        return defining ? remember(internalName, classfileBuffer, instrumented) : instrumented;
    }

    /**
     * A named lambda class (hunt's desugared ones are defined in every round): Byte Buddy would ignore it
     * too, but only after describing it for a class loader it has not seen, which costs more than the rest
     * of its definition.
     */
    private static boolean isLambdaClass(String internalName) {
        return internalName != null && internalName.contains(AgentInstaller.LAMBDA_CLASS);
    }

    private byte[] lookup(ClassLoader loader, String internalName, byte[] original) {
        // Hidden and anonymous classes have no name: never cached. Ineligible ones are Byte Buddy's to ignore.
        if (internalName == null || original == null || !eligible.test(loader, internalName.replace('/', '.'))) {
            return null;
        }
        return cache.get(internalName, original);
    }

    private byte[] remember(String internalName, byte[] original, byte[] instrumented) {
        if (instrumented == null || internalName == null) {
            return instrumented;
        }
        return cache.putIfAbsent(internalName, original, instrumented);
    }

    InstrumentedClassCache cache() {
        return cache;
    }
}
