package dev.jostle.programs.junitstyle;

/** Plain methods for Class#method: static, on a fresh instance, and one that needs an argument. */
public class MethodEntries {

    private final String state = "made by the no-argument constructor";

    public static void staticCheck() {
        System.out.println("static check ran");
    }

    void instanceCheck() {
        throw new IllegalStateException("instance check failed on an instance " + state);
    }

    public void needsArgument(int n) {
    }
}
