/**
 * POOL-419 for {@code -Prealworld}: a return racing an invalidate in Commons Pool 2.12.1, fixed in 2.13.0. The test
 * and its plain loop run in the Surefire JVM with the agent, as the code under test.
 */
package dev.jostle.stress.realworld.pool419;
