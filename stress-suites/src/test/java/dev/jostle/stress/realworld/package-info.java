/**
 * {@code -Prealworld}'s judge: {@code RealWorldCheck} reads what the Surefire runs over Commons Pool's own tests
 * left behind (plain, agent only, jostled, POOL-419) and fails the build for a test that passed plainly but not
 * jostled, a missing report, a race not allowed or a POOL-419 verdict that is wrong. It runs after those JVMs,
 * reading their files.
 */
package dev.jostle.stress.realworld;
