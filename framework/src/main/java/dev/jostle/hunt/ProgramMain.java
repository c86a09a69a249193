package dev.jostle.hunt;

import java.util.regex.Pattern;

/**
 * What each round of a hunt calls, as written on the command line: {@code Class} (its
 * {@code public static void main(String[])}), {@code Class#method} (a static or instance method without
 * arguments), or {@code Class#@Test} (the class's JUnit {@code @Test} methods, one per round).
 *
 * @param className the class
 * @param method    the method, {@link #TESTS}, or null for {@code main}
 */
record ProgramMain(String className, String method) {

    /** The method part that stands for every {@code @Test} method of the class. */
    static final String TESTS = "@Test";

    private static final String IDENTIFIER = "[\\p{L}_$][\\p{L}\\p{N}_$]*";
    private static final Pattern CLASS_NAME = Pattern.compile(IDENTIFIER + "(\\." + IDENTIFIER + ")*");
    private static final Pattern METHOD_NAME = Pattern.compile(IDENTIFIER);

    static ProgramMain parse(String word) throws UsageException {
        int hash = word.indexOf('#');
        String className = hash < 0 ? word : word.substring(0, hash);
        if (!CLASS_NAME.matcher(className).matches()) {
            throw new UsageException("'" + word + "' is not a class name (expected e.g. com.acme.Main,"
                    + " com.acme.Checks#run or com.acme.FooTest#@Test)");
        }
        if (hash < 0) {
            return new ProgramMain(className, null);
        }
        String method = word.substring(hash + 1);
        if (!method.equals(TESTS) && !METHOD_NAME.matcher(method).matches()) {
            throw new UsageException("'" + word + "': after '#' comes a method name or @Test"
                    + " (expected e.g. com.acme.Checks#run or com.acme.FooTest#@Test)");
        }
        return new ProgramMain(className, method);
    }

    /** Whether rounds call {@code main(String[])}, the only form that takes the program's arguments. */
    boolean isMain() {
        return method == null;
    }

    /** Whether rounds take the class's {@code @Test} methods in turn. */
    boolean isTests() {
        return TESTS.equals(method);
    }

    /** The same class, one method of it: what replays a round of {@code Class#@Test}. */
    ProgramMain withMethod(String name) {
        return new ProgramMain(className, name);
    }

    /** As written on the command line. */
    @Override
    public String toString() {
        return method == null ? className : className + "#" + method;
    }
}
