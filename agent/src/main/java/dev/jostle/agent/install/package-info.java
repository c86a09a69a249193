/**
 * Setting the agent up: runs inside the JVM under test, once, when the agent starts. {@code BootstrapJar}
 * appends the bootstrap package to the boot class path, {@code AgentConfig} reads which classes to
 * instrument, and {@code AgentInstaller} registers the class file transformer that hands each such class to
 * {@code instrument}, behind a cache of instrumented class files by content ({@code CachingTransformer},
 * {@code InstrumentedClassCache}) so that hunt's fresh class loaders cost a lookup.
 */
package dev.jostle.agent.install;
