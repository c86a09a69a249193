package dev.jostle.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.when;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.jupiter.api.extension.TestInstancePreDestroyCallback;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

/** Other extensions act on every round's own instance, in the round's thread, with a store of the round's own. */
class JostledExtensionsTests {

    /** Every fixture sets its round timeout, so no round without noise runs to measure one: ROUNDS calls in all. */
    private static final int ROUNDS = 12;

    @Test
    void mockitoExtension_run_injectsFreshMocksIntoEveryRoundsInstance() {
        MockitoTestCase.mocksByInstance.clear();

        EngineExecutionResults results = JostledTestKit.run(MockitoTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
        assertEquals(ROUNDS, MockitoTestCase.mocksByInstance.size(), "one instance per round: " + MockitoTestCase.mocksByInstance);
        assertEquals(ROUNDS, Set.copyOf(MockitoTestCase.mocksByInstance.values()).size(), "no mock shared by two rounds");
    }

    @Test
    void tempDir_run_givesEveryRoundFreshDirectoriesAndDeletesThem() {
        TempDirTestCase.fields.clear();
        TempDirTestCase.parameters.clear();

        EngineExecutionResults results = JostledTestKit.run(TempDirTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
        assertEquals(ROUNDS, Set.copyOf(TempDirTestCase.fields).size(), "a field's directory per round: " + TempDirTestCase.fields);
        assertEquals(ROUNDS, Set.copyOf(TempDirTestCase.parameters).size(), "a parameter's directory per round");
        assertTrue(Collections.disjoint(TempDirTestCase.fields, TempDirTestCase.parameters));
        for (Path directory : TempDirTestCase.fields) {
            assertFalse(Files.exists(directory), "deleted after its round: " + directory);
        }
        for (Path directory : TempDirTestCase.parameters) {
            assertFalse(Files.exists(directory), "deleted after its round: " + directory);
        }
    }

    @Test
    void callbacks_run_seeEachRoundsInstanceInTheRoundsThread() {
        RecordingExtension.reset();

        EngineExecutionResults results = JostledTestKit.run(CallbackTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
        Set<Object> tested = Set.copyOf(CallbackTestCase.instances);
        assertEquals(ROUNDS, tested.size());
        // JUnit also runs the callbacks once on its own instance, which no round uses.
        Object junits = RecordingExtension.junitsInstance();
        for (String callback : List.of("postProcess", "beforeEach", "beforeTest", "afterTest", "afterEach", "preDestroy", "closed")) {
            Set<Object> seen = new java.util.HashSet<>(RecordingExtension.seen(callback));
            seen.remove(junits);
            assertEquals(tested, seen, callback + " saw exactly the rounds' instances");
            assertEquals(ROUNDS, RecordingExtension.seen(callback).stream().filter(tested::contains).count(),
                    callback + " once per round");
        }
        for (String callback : List.of("beforeEach", "afterEach")) {
            long inRounds = RecordingExtension.threads(callback).stream().filter(name -> name.startsWith("jostled-")).count();
            assertEquals(ROUNDS, inRounds, callback + " ran in each round's thread: " + RecordingExtension.threads(callback));
        }
        assertEquals(0, RecordingExtension.leakedStoreValues.get(), "a round never saw another round's store value");
    }

    @Test
    void parameterResolver_run_resolvesTheTestMethodsParameterInEveryRound() {
        CallbackTestCase.tokens.clear();

        JostledTestKit.run(CallbackTestCase.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

        assertEquals(ROUNDS, CallbackTestCase.tokens.size());
        assertEquals(ROUNDS, Set.copyOf(CallbackTestCase.tokens).size(), "resolved afresh each round");
    }

    @Test
    void extensionNoRoundCanApply_run_failsAtOnceNamingIt() {
        InterceptedTestCase.rounds.set(0);

        Throwable failure = JostledTestKit.onlyFailure(JostledTestKit.run(InterceptedTestCase.class));

        assertTrue(failure.getMessage().contains(WrappingInterceptor.class.getName())
                && failure.getMessage().contains("InvocationInterceptor"), failure.getMessage());
        assertEquals(0, InterceptedTestCase.rounds.get(), "no round ran");
    }

    @ExtendWith(MockitoExtension.class)
    static class MockitoTestCase {
        static final Map<Integer, Integer> mocksByInstance = new ConcurrentHashMap<>();

        @Mock
        private List<String> list;

        @Jostled(rounds = ROUNDS, time = "0", parallel = 3, strategy = "none", roundTimeout = "30s")
        void usesItsMock() {
            assertNotNull(list, "@Mock field injected into the round's instance");
            when(list.size()).thenReturn(3);
            assertEquals(3, list.size());
            mocksByInstance.put(System.identityHashCode(this), System.identityHashCode(list));
        }
    }

    static class TempDirTestCase {
        static final List<Path> fields = Collections.synchronizedList(new ArrayList<>());
        static final List<Path> parameters = Collections.synchronizedList(new ArrayList<>());

        @TempDir
        Path directory;

        @Jostled(rounds = ROUNDS, time = "0", parallel = 3, strategy = "none", roundTimeout = "30s")
        void writesIntoIt(@TempDir Path parameter) throws Exception {
            assertTrue(Files.isDirectory(directory));
            assertTrue(Files.isDirectory(parameter));
            assertNotSame(directory, parameter);
            Files.writeString(directory.resolve("round.txt"), "written");
            Files.writeString(parameter.resolve("round.txt"), "written");
            fields.add(directory);
            parameters.add(parameter);
        }
    }

    /** A value a round's store holds; closing it counts. */
    static final class RoundValue implements AutoCloseable {
        final Object instance;

        RoundValue(Object instance) {
            this.instance = instance;
        }

        @Override
        public void close() {
            RecordingExtension.record("closed", instance);
        }
    }

    /** A token a parameter resolver makes afresh for every resolution. */
    static final class Token {
    }

    static final class RecordingExtension implements TestInstancePostProcessor, BeforeEachCallback,
            BeforeTestExecutionCallback, AfterTestExecutionCallback, AfterEachCallback, TestInstancePreDestroyCallback,
            ParameterResolver {
        static final Map<String, List<Object>> seen = new ConcurrentHashMap<>();
        static final Map<String, List<String>> threads = new ConcurrentHashMap<>();
        static final AtomicInteger leakedStoreValues = new AtomicInteger();
        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RecordingExtension.class);

        static void reset() {
            seen.clear();
            threads.clear();
            leakedStoreValues.set(0);
            CallbackTestCase.instances.clear();
        }

        static List<Object> seen(String callback) {
            return seen.getOrDefault(callback, List.of());
        }

        static List<String> threads(String callback) {
            return threads.getOrDefault(callback, List.of());
        }

        /** The one instance the callbacks saw outside any round thread: JUnit's own. */
        static Object junitsInstance() {
            List<Object> before = seen("beforeEach");
            List<String> names = threads("beforeEach");
            for (int i = 0; i < names.size(); i++) {
                if (!names.get(i).startsWith("jostled-")) {
                    return before.get(i);
                }
            }
            return null;
        }

        private static synchronized void record(String callback, Object instance) {
            seen.computeIfAbsent(callback, k -> Collections.synchronizedList(new ArrayList<>())).add(instance);
            threads.computeIfAbsent(callback, k -> Collections.synchronizedList(new ArrayList<>()))
                    .add(Thread.currentThread().getName());
        }

        @Override
        public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
            record("postProcess", testInstance);
        }

        @Override
        public void beforeEach(ExtensionContext context) {
            record("beforeEach", context.getRequiredTestInstance());
            if (context.getStore(NAMESPACE).get("value") != null) {
                // Neither JUnit's own instance's value nor another round's: a round starts with a store of its own.
                leakedStoreValues.incrementAndGet();
            }
            context.getStore(NAMESPACE).put("value", new RoundValue(context.getRequiredTestInstance()));
        }

        @Override
        public void beforeTestExecution(ExtensionContext context) {
            record("beforeTest", context.getRequiredTestInstance());
        }

        @Override
        public void afterTestExecution(ExtensionContext context) {
            record("afterTest", context.getRequiredTestInstance());
        }

        @Override
        public void afterEach(ExtensionContext context) {
            record("afterEach", context.getRequiredTestInstance());
            RoundValue value = context.getStore(NAMESPACE).get("value", RoundValue.class);
            if (value.instance != context.getRequiredTestInstance()) {
                leakedStoreValues.incrementAndGet();
            }
        }

        @Override
        public void preDestroyTestInstance(ExtensionContext context) {
            record("preDestroy", context.getRequiredTestInstance());
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == Token.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return new Token();
        }
    }

    @ExtendWith(RecordingExtension.class)
    static class CallbackTestCase {
        static final List<Object> instances = Collections.synchronizedList(new ArrayList<>());
        static final List<Token> tokens = Collections.synchronizedList(new ArrayList<>());

        @Jostled(rounds = ROUNDS, time = "0", parallel = 3, strategy = "none", roundTimeout = "30s")
        void recordsItself(Token token) {
            assertNotNull(token);
            instances.add(this);
            tokens.add(token);
        }
    }

    /** An interceptor around the test method: no round could apply it to its own call. */
    static final class WrappingInterceptor implements InvocationInterceptor {
        @Override
        public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                ExtensionContext extensionContext) throws Throwable {
            invocation.proceed();
        }
    }

    @ExtendWith(WrappingInterceptor.class)
    static class InterceptedTestCase {
        static final AtomicInteger rounds = new AtomicInteger();

        @Jostled(rounds = ROUNDS, time = "0", parallel = 1, strategy = "none", roundTimeout = "30s")
        void intercepted() {
            rounds.incrementAndGet();
        }
    }
}
