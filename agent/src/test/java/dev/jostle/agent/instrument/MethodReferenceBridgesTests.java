package dev.jostle.agent.instrument;

import static dev.jostle.agent.instrument.Fixtures.call;
import static dev.jostle.agent.instrument.Fixtures.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.agent.install.AgentConfig;
import dev.jostle.agent.install.AgentInstaller;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.utility.OpenedClassReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MethodReferenceBridgesTests {

    private static final String FIXTURE = "dev/jostle/fixtures/MethodReferences";

    private Class<?> references;
    private RecordingProbe probe;

    @BeforeEach
    void load() throws Exception {
        references = new Fixtures().load("MethodReferences");
        probe = new RecordingProbe();
    }

    @Test
    void threadsStartedByMethodReference_eachStartIsReportedAtTheReference() throws Exception {
        @SuppressWarnings("unchecked")
        List<Thread> threads = (List<Thread>) probe.record(() -> call(references, "startByReference",
                (Runnable) () -> { }));
        probe.name(threads.get(0), "a").name(threads.get(1), "b");
        String at = "@MethodReferences.jostle$ref$0:" + line("MethodReferences", "start-by-reference")
                + " java.lang.Thread.start";
        List<String> starts = probe.lines().stream().filter(line -> line.startsWith("thread-start")).toList();
        assertEquals(List.of("thread-start a " + at, "thread-start b " + at), starts);
    }

    @Test
    void queueFedByMethodReference_eachOfferIsASyncCall() throws Exception {
        assertEquals(2, probe.record(() -> call(references, "offerByReference")));
        String at = line("MethodReferences", "offer-by-reference") + " java.util.concurrent.BlockingQueue.offer";
        long offers = probe.lines().stream().filter(line -> line.startsWith("sync-call ") && line.endsWith(at)).count();
        assertEquals(2, offers, probe.lines().toString());
    }

    @Test
    void rewrite_bridgesHookedTargetsOnly_andLeavesSerializableReferencesAlone() throws Exception {
        byte[] original = classFile(FIXTURE);

        List<String> bridged = bridgeCalls(MethodReferenceBridges.rewrite(original));

        // Thread::start in startByReference, queue::offer, names::add; not String::length, not the
        // serializable Thread::start.
        assertEquals(List.of("java/lang/Thread.start", "java/util/concurrent/BlockingQueue.offer",
                "java/util/List.add"), bridged);
    }

    @Test
    void classWithoutHookedReferences_rewrite_returnsTheSameBytes() throws Exception {
        byte[] original = classFile("dev/jostle/fixtures/Fields");

        assertTrue(MethodReferenceBridges.rewrite(original) == original, "nothing to bridge: the file as it was");
    }

    @Test
    void loadedClassBeingRetransformed_getsNoBridge_butIsStillInstrumented() throws Exception {
        ClassFileTransformer transformer = AgentInstaller.transformer(AgentConfig.read(null, new Properties()));
        byte[] original = classFile(FIXTURE);

        byte[] retransformed = transformer.transform(getClass().getClassLoader(), FIXTURE, Object.class, null,
                original);
        byte[] defined = transformer.transform(new ClassLoader() { }, FIXTURE, null, null, original);

        assertEquals(List.of(), bridgeNames(retransformed), "the JVM refuses new methods on retransformation");
        assertTrue(callsHooks(retransformed), "instrumented all the same");
        // The bridges' calls are instrumented: Thread.start is replaced by its wrapper in Hooks.
        assertEquals(List.of("jostle$ref$0", "jostle$ref$1", "jostle$ref$2"), bridgeNames(defined),
                "a definition of the same bytes gets its bridges");
    }

    /** A method of a class file: its name, access flags and the owner.name of every call it makes. */
    private record Method(String name, int access, List<String> calls) {
    }

    private static List<Method> methods(byte[] classFile) {
        List<Method> methods = new ArrayList<>();
        new ClassReader(classFile).accept(new ClassVisitor(OpenedClassReader.ASM_API) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                Method method = new Method(name, access, new ArrayList<>());
                methods.add(method);
                return new MethodVisitor(OpenedClassReader.ASM_API) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String called, String desc, boolean itf) {
                        method.calls().add(owner + "." + called);
                    }
                };
            }
        }, 0);
        return methods;
    }

    private static List<Method> bridges(byte[] classFile) {
        List<Method> bridges = methods(classFile).stream()
                .filter(method -> method.name().startsWith(MethodReferenceBridges.PREFIX)).toList();
        bridges.forEach(bridge -> assertEquals(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                bridge.access(), bridge.name()));
        return bridges;
    }

    /** The target each bridge method calls, in the order of the bridges. */
    private static List<String> bridgeCalls(byte[] classFile) {
        return bridges(classFile).stream().flatMap(bridge -> bridge.calls().stream())
                .filter(call -> !call.startsWith(HookEmitter.HOOKS + ".")).toList();
    }

    private static List<String> bridgeNames(byte[] classFile) {
        return bridges(classFile).stream().map(Method::name).toList();
    }

    private static boolean callsHooks(byte[] classFile) {
        return methods(classFile).stream().flatMap(method -> method.calls().stream())
                .anyMatch(call -> call.startsWith(HookEmitter.HOOKS + "."));
    }

    private static byte[] classFile(String internalName) throws Exception {
        try (InputStream in = MethodReferenceBridgesTests.class.getResourceAsStream("/" + internalName + ".class")) {
            return in.readAllBytes();
        }
    }
}
