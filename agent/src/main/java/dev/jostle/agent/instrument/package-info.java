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
 * <p>Known limits: exceptional exits from synchronized methods and from calls into
 * {@code java.util.concurrent} are not reported (that would need handlers); method references
 * ({@code invokedynamic}) to {@code java.util.concurrent} are not bracketed; {@code baload}/{@code bastore}
 * name their array "byte[] or boolean[]".
 */
package dev.jostle.agent.instrument;
