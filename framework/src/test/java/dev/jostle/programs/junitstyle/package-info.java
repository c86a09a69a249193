/**
 * Test classes written for JUnit 4 or JUnit 5, hunted as they are with {@code hunt Class#@Test} or
 * {@code Class#method}. Their names end in neither Test nor Tests: Surefire must not run them itself.
 */
package dev.jostle.programs.junitstyle;
