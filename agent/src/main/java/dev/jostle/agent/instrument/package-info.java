/**
 * The bytecode rewriting: one ASM method visitor that inserts calls to
 * {@link dev.jostle.agent.bootstrap.Hooks} around field and array accesses, monitors, and calls that
 * synchronise, applied by Byte Buddy as a decorating visitor.
 *
 * <p>Three rules keep instrumented code verifiable and retransformable: insertions are straight-line
 * code that leaves the operand stack as it found it (no branches, so no stack map frame changes), no
 * member is added, and nothing here loads a class (facts about other types come from Byte Buddy's
 * {@code TypePool}). {@code RealJarInstrumentationTests} holds the instrumentation to these rules on every
 * class of guava, commons-lang3 and jackson-databind.
 *
 * <p>A call synchronises when its owner is in {@code java.util.concurrent} (constructors, {@code TimeUnit} and
 * {@code ThreadLocalRandom} excepted), or is a subtype of such a type that has the method, inherited or
 * overridden ({@code class GuardLock extends ReentrantLock}: {@code lock()} counts, a method GuardLock adds
 * does not). {@code InstrumentingMethodVisitor.isSyncCall} holds that rule for call instructions and for
 * {@code MethodReferenceBridges}; {@code TypeFacts}
 * resolves the hierarchies.
 *
 * <p>Known limits: exceptional exits from calls into {@code java.util.concurrent} are not reported (that
 * would need handlers); method references in a class retransformed after loading, and serializable ones,
 * are not bridged; without a type pool ({@code MethodReferenceBridges.rewrite}, used by hunt) a reference
 * is bridged by its owner's name only; {@code baload}/{@code bastore} name their array "byte[] or
 * boolean[]".
 */
package dev.jostle.agent.instrument;
