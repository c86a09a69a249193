/**
 * The bytecode rewriting: runs inside the JVM under test, when a class is loaded (or retransformed), applied
 * by Byte Buddy as a decorating visitor. {@code InstrumentingMethodVisitor} follows each method's
 * instructions and decides where a call to {@link dev.jostle.agent.bootstrap.Hooks} goes: around field and
 * array accesses (written by {@code AccessReports}), monitors (a synchronized method's own by
 * {@code SynchronizedMethodReports}) and the calls that {@code HookedCalls} lists (its table: the calls a hook
 * performs in their place, such as {@code Thread.start} or {@code Object.wait}, and the calls that
 * synchronise).
 *
 * <p>Three rules keep instrumented code verifiable and retransformable: insertions are straight-line code that
 * leaves the operand stack as it found it (no branches, so no stack map frame changes); the exceptions are
 * handlers placed after a method's last instruction, a catch-all per synchronized method that reports its
 * exceptional exit and rethrows ({@code SynchronizedMethodReports}), and the reporting copies of synchronized
 * blocks' own handlers ({@code ReleaseHandlerCopies}), each with its frame; no field is added, and the only
 * methods added are the bridges {@code jostle$ref$N} for method references to hooked calls
 * ({@code MethodReferenceBridges}), never in a class retransformed after loading; nothing here loads a class (facts
 * about other types come from Byte Buddy's {@code TypePool}). {@code RealJarInstrumentationTests} holds the
 * instrumentation to these rules on every class of guava, commons-lang3 and jackson-databind.
 *
 * <p>A call synchronises when its owner is in {@code java.util.concurrent} (constructors, {@code TimeUnit} and
 * {@code ThreadLocalRandom} excepted), or is a subtype of such a type that has the method, inherited or
 * overridden ({@code class GuardLock extends ReentrantLock}: {@code lock()} counts, a method GuardLock adds
 * does not). {@code HookedCalls.synchronises} holds that rule for call instructions and for
 * {@code MethodReferenceBridges}; {@code TypeFacts} resolves the hierarchies.
 *
 * <p>Known limits: a call into {@code java.util.concurrent} that ends by throwing reports no
 * {@code afterSyncCall} (that would need a handler per call); method references in a class retransformed
 * after loading, and serializable ones, are not bridged; without a type pool
 * ({@code MethodReferenceBridges.rewrite}, used by hunt) a reference is bridged by its owner's name only;
 * {@code baload}/{@code bastore} name their array "byte[] or boolean[]".
 */
package dev.jostle.agent.instrument;
