/**
 * A program of {@code -Preallibs} that drives an old release into its reported bug: log4j 1.2.12, bug 43599: {@code
 * AsyncAppender} and a message object that changes. The code under test: it runs in a hunt's rounds or in the plain
 * loop, and throws with the bug's own message.
 */
package dev.jostle.stress.reallibs.log4j43599;
