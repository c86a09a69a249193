/**
 * A program of {@code -Preallibs} that drives an old release into its reported bug: Commons Pool 1.4, POOL-135:
 * more objects active than {@code maxActive}. The code under test: it runs in a hunt's rounds or in the plain loop,
 * and throws with the bug's own message.
 */
package dev.jostle.stress.reallibs.pool135;
