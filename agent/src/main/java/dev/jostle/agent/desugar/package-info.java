/**
 * Lambda desugaring for {@code hunt}: runs inside the JVM under test (the hunt's own, which runs the rounds),
 * called by a round's class loader before it defines a program class. It rewrites the class file so that its
 * lambdas and method references no longer link through {@code LambdaMetafactory}, but through small classes
 * made once, ahead of time.
 *
 * <p>Why: a hunt round defines the program afresh in a new class loader, and every {@code invokedynamic}
 * of every lambda is then linked afresh too. {@code LambdaMetafactory} spins and defines a hidden class per
 * call site and loader, and the JIT compiles its class-writing code: for a two-thread program with two
 * method references, that linking made the plain JVM's rounds a third slower than the same program written
 * with nested classes. Desugared, a lambda costs a round what a nested class costs: the definition of
 * bytes made once.
 *
 * <p>What is kept: each call site still yields an instance of a final synthetic class that implements the
 * interface (and its markers and bridges), captures the same values, and converts arguments and results
 * as {@code LambdaMetafactory} specifies; a non-capturing lambda is still one instance. What differs:
 * the class has a name ({@code Host$$Lambda$Jostle$N}) and is not hidden, so its {@code run} frame shows in
 * stack traces; a private method it calls goes through a static accessor added to the host. What is left
 * alone (linked as before): serializable lambdas, lambdas in interfaces, and any call site whose target
 * cannot be shown accessible from the host's package by reading class files. The installer never
 * instruments these classes (their name holds {@code $$Lambda}, as the JDK's own lambda classes' names do),
 * so noise and race detection see exactly the points they saw before.
 */
package dev.jostle.agent.desugar;
