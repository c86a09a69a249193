package dev.jostle.stress;

/** Naming rules of the suites: {@code Topic_NN_BrokenWhy} or {@code Topic_NN_Plain...} is a broken variant. */
final class Variants {

    private Variants() {
    }

    static boolean isBroken(String simpleName) {
        String[] parts = simpleName.split("_");
        return parts.length >= 3 && (parts[2].startsWith("Broken") || parts[2].startsWith("Plain"));
    }

    static Class<?> load(String className) {
        try {
            return Class.forName(className, false, Variants.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError("jcstress reported " + className + ", which is not on the class path", e);
        }
    }
}
