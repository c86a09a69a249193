/**
 * A program of {@code -Preallibs} that drives an old release into its reported bug: Commons Pool 1.5.4, POOL-184:
 * the evictor starving a borrower. The code under test: it runs in a hunt's rounds or in the plain loop, and throws
 * with the bug's own message.
 */
package dev.jostle.stress.reallibs.pool184;
