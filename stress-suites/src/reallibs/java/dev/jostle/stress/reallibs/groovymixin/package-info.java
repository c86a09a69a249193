/**
 * A program of {@code -Preallibs} that drives an old release into its reported bug: groovy-all 1.7.11, {@code
 * ExpandoMetaClass} mixins registered while another thread dispatches. The code under test: it runs in a hunt's
 * rounds or in the plain loop, and throws with the bug's own message.
 */
package dev.jostle.stress.reallibs.groovymixin;
