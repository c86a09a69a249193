package dev.jostle.agent.install;

import dev.jostle.agent.instrument.SharedMemoryInstrumentation;
import dev.jostle.agent.runtime.JostleRuntime;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

import static net.bytebuddy.matcher.ElementMatchers.any;
import static net.bytebuddy.matcher.ElementMatchers.isBootstrapClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.isExtensionClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameContains;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;

/**
 * Installs the class file transformer: Byte Buddy's agent builder decorating every method body of the
 * configured classes with {@link SharedMemoryInstrumentation}, behind an {@link InstrumentedClassCache}.
 * Retransformation is on, so a late attach instruments classes that are already loaded too (method
 * bodies only, which is all Jostle changes).
 */
public final class AgentInstaller {

    /** Enough for a large program's own classes loaded over and over by hunt rounds. */
    static final int CACHE_CAPACITY = 20_000;

    private static final String NEXUS_DISABLED = "net.bytebuddy.nexus.disabled";

    /**
     * In the name of every lambda class: the JDK's, and those of hunt's lambda desugaring. Never instrumented,
     * so that the points noise and race detection see are the lambda bodies in their host, either way.
     */
    static final String LAMBDA_CLASS = "$$Lambda";

    private AgentInstaller() {
    }

    /** Installs the transformer; prints nothing unless {@code -Djostle.verbose=true}. */
    public static void install(AgentConfig config, Instrumentation inst, boolean late) {
        boolean verbose = Boolean.getBoolean("jostle.verbose");
        ConcurrencyParks.install(inst, verbose);
        // At premain no application class is loaded yet: going over every loaded JDK class to find none
        // cost about half a second of start-up. A late attach (a test's self-attach, java -jar's launcher
        // agent) must retransform what is already loaded.
        AgentBuilder builder = builder(config, new InstrumentedClassCache(CACHE_CAPACITY), verbose);
        if (late && anyLoadedClassToInstrument(inst, config)) {
            builder = builder.with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                    // Retransform in batches; a batch the JVM refuses is split until only the offending
                    // class is left out, instead of losing the whole batch.
                    .with(AgentBuilder.RedefinitionStrategy.BatchAllocator.ForFixedSize.ofSize(64))
                    .with(AgentBuilder.RedefinitionStrategy.Listener.BatchReallocator.splitting())
                    .with(verbose ? AgentBuilder.RedefinitionStrategy.Listener.StreamWriting.toSystemError()
                            : AgentBuilder.RedefinitionStrategy.Listener.NoOp.INSTANCE);
        }
        builder.installOn(inst);
        JostleRuntime.installed(inst, !late);
        if (verbose) {
            System.err.println("jostle: agent installed (" + config + (late ? "; late attach" : "") + ")");
        }
    }

    /**
     * Whether a late attach finds a class it would instrument already loaded. {@code java -jar jostle.jar}
     * starts the agent through {@code agentmain} before any program class is loaded: then Byte Buddy's
     * retransformation pass would describe every loaded class (about 2,000, parsing their class files) to
     * find none, costing half a second of start-up and keeping the JIT busy with that code during the
     * hunt's first seconds.
     */
    private static boolean anyLoadedClassToInstrument(Instrumentation inst, AgentConfig config) {
        for (Class<?> type : inst.getAllLoadedClasses()) {
            ClassLoader loader = type.getClassLoader();
            if (loader != null && loader != ClassLoader.getPlatformClassLoader() && !type.isArray()
                    && !type.isHidden() && inst.isModifiableClass(type) && config.instruments(type.getName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The transformer {@link #install} registers, for driving it directly: tests transform class files with
     * it and define them in their own class loader, no {@code Instrumentation} needed.
     */
    public static ClassFileTransformer transformer(AgentConfig config) {
        InstrumentedClassCache cache = new InstrumentedClassCache(CACHE_CAPACITY);
        ClassFileTransformer raw = builder(config, cache, false).makeRaw();
        if (raw instanceof CachingTransformer) {
            return raw;
        }
        return new CachingTransformer((ResettableClassFileTransformer) raw, cache, eligible(config));
    }

    static AgentBuilder builder(AgentConfig config, InstrumentedClassCache cache, boolean verbose) {
        // Jostle never uses Byte Buddy's Nexus (it adds no initialisers). Left enabled, merely constructing
        // an AgentBuilder probes class injection through sun.misc.Unsafe, which JDK 24+ warns about on
        // stderr. Shading relocates this name, so the switch only reaches Jostle's own copy of Byte Buddy.
        if (System.getProperty(NEXUS_DISABLED) == null) {
            System.setProperty(NEXUS_DISABLED, "true");
        }
        AgentBuilder.Listener listener = new ErrorReporter();
        if (verbose) {
            listener = new AgentBuilder.Listener.Compound(listener,
                    AgentBuilder.Listener.StreamWriting.toSystemError().withTransformationsOnly());
        }
        // Only declared methods matter to a decorating visitor: no method graph of the whole hierarchy,
        // which is slow and fails outright when an optional supertype is missing from the class path.
        ByteBuddy byteBuddy = new ByteBuddy()
                .with(TypeValidation.DISABLED)
                .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE);
        return new AgentBuilder.Default(byteBuddy)
                .disableClassFormatChanges()
                // Decorate: only the visitor runs over the original class file; no member is added or renamed.
                .with(AgentBuilder.TypeStrategy.Default.DECORATE)
                // Describe types from class files (a transformer must not load classes); classes generated at
                // run time (proxies, reflection accessors) have none and are described as loaded instead.
                .with(AgentBuilder.DescriptionStrategy.Default.POOL_FIRST)
                .with(listener)
                .with((AgentBuilder.TransformerDecorator) transformer -> new CachingTransformer(transformer, cache,
                        eligible(config)))
                // Customising ignore() drops Byte Buddy's defaults, so they are all stated here. Name tests
                // come first: a name is known without parsing the class file, isSynthetic() is not, and at
                // start-up every loaded class of the JDK passes through these matchers.
                .ignore(excludedBy(config))
                .or(nameStartsWith(AgentConfig.USERS_BYTE_BUDDY))
                .or(nameStartsWith("dev.jostle.agent."))
                .or(nameContains(LAMBDA_CLASS)) // lambda proxies: generated, and hidden classes on JDK 15+
                .or(any(), isBootstrapClassLoader().or(isExtensionClassLoader()))
                .or(isSynthetic())
                .type(any())
                .transform(AgentInstaller::visitMethodBodies);
    }

    private static DynamicType.Builder<?> visitMethodBodies(DynamicType.Builder<?> builder,
            TypeDescription type, ClassLoader loader, JavaModule module, java.security.ProtectionDomain domain) {
        return builder.visit(SharedMemoryInstrumentation.forLoader(loader));
    }

    private static ElementMatcher<TypeDescription> excludedBy(AgentConfig config) {
        return type -> !config.instruments(type.getName());
    }

    private static java.util.function.BiPredicate<ClassLoader, String> eligible(AgentConfig config) {
        return (loader, name) -> loader != null && !name.contains(LAMBDA_CLASS) && config.instruments(name);
    }

    /** Reports classes that could not be instrumented: they run unchanged, and the user should know. */
    private static final class ErrorReporter extends AgentBuilder.Listener.Adapter {
        @Override
        public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded,
                Throwable throwable) {
            System.err.println("jostle: " + typeName + " is not instrumented: " + throwable);
        }
    }
}
