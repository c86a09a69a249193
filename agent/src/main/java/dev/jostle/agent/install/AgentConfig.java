package dev.jostle.agent.install;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Which classes the agent instruments. Read from the agent argument string
 * ({@code -javaagent:jostle-agent.jar=include=com.acme,org.shop;exclude=com.acme.generated}) and from the
 * system properties {@code jostle.include} and {@code jostle.exclude}; a system property wins over the
 * argument with the same key. Values are comma-separated package (or class-name) prefixes.
 *
 * <p>A class is instrumented when it matches an include prefix (or no include was given), matches no
 * exclude prefix, and is not in the default exclusions: the JDK, Jostle itself, Byte Buddy, test and build
 * infrastructure, Kotlin, Lincheck and jcstress.
 */
public final class AgentConfig {

    /** Never instrumented, whatever the user includes: instrumenting these would break or recurse. */
    static final List<String> ALWAYS_EXCLUDED = List.of(
            "java.", "javax.", "jdk.", "sun.", "com.sun.", "org.w3c.", "org.xml.", "org.ietf.", "org.jcp.",
            "dev.jostle.agent.", "dev.jostle.engine.", "dev.jostle.junit.internal.", "dev.jostle.hunt.",
            "dev.jostle.bridge.", "dev.jostle.report.", "dev.jostle.shaded.",
            "dev.jostle.tools.");

    /**
     * The user's own Byte Buddy package, {@code net.bytebuddy.}. Assembled at run time because the shade
     * plugin rewrites every string constant that starts with it to the relocated name: a literal here
     * would exclude Jostle's shaded copy (already excluded) and let the user's Byte Buddy be instrumented.
     */
    static final String USERS_BYTE_BUDDY = String.join(".", "net", "bytebuddy", "");

    /**
     * Left out by default; an include that names the package itself or a package inside it brings it back
     * ({@code include=kotlin}, {@code include=org.junit.myfork}), a broader one does not.
     */
    static final List<String> DEFAULT_EXCLUDED = List.of(
            USERS_BYTE_BUDDY, "org.junit.", "junit.", "org.opentest4j.", "org.apiguardian.",
            "org.apache.maven.", "org.codehaus.plexus.", "org.eclipse.jdt.internal.junit", "com.intellij.",
            "org.gradle.", "kotlin.", "kotlinx.", "org.jetbrains.lincheck.", "org.jetbrains.kotlinx.lincheck.",
            "org.openjdk.jcstress.", "org.objectweb.asm.", "org.openjdk.jmh.");

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*\\.?");

    private final List<String> include;
    private final List<String> exclude;

    AgentConfig(List<String> include, List<String> exclude) {
        this.include = Collections.unmodifiableList(include);
        this.exclude = Collections.unmodifiableList(exclude);
    }

    /**
     * Reads the configuration.
     *
     * @throws IllegalArgumentException naming the setting and the value when one is malformed
     */
    public static AgentConfig read(String agentArgs, Properties systemProperties) {
        String include = null;
        String exclude = null;
        if (agentArgs != null && !agentArgs.isBlank()) {
            for (String pair : agentArgs.split(";")) {
                if (pair.isBlank()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("agent argument '" + pair
                            + "' is not key=value; use include=PREFIXES;exclude=PREFIXES");
                }
                String key = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1);
                switch (key.startsWith("jostle.") ? key.substring("jostle.".length()) : key) {
                    case "include":
                        include = value;
                        break;
                    case "exclude":
                        exclude = value;
                        break;
                    default:
                        throw new IllegalArgumentException("unknown agent argument '" + key
                                + "'; known: include, exclude");
                }
            }
        }
        include = systemProperties.getProperty("jostle.include", include);
        exclude = systemProperties.getProperty("jostle.exclude", exclude);
        return new AgentConfig(prefixes("jostle.include", include), prefixes("jostle.exclude", exclude));
    }

    static List<String> prefixes(String key, String value) {
        List<String> result = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return result;
        }
        for (String raw : value.split(",", -1)) {
            String prefix = raw.trim();
            if (prefix.isEmpty()) {
                throw new IllegalArgumentException(key + "='" + value + "' has an empty entry; "
                        + "expected comma-separated package prefixes such as com.acme,org.shop");
            }
            if (!PREFIX.matcher(prefix).matches()) {
                throw new IllegalArgumentException(key + "='" + value + "': '" + prefix
                        + "' is not a package prefix (use dots, e.g. com.acme.util)");
            }
            result.add(prefix);
        }
        return result;
    }

    /** Whether a class, by its binary name ({@code com.acme.Foo$Bar}), is to be instrumented. */
    public boolean instruments(String className) {
        if (className == null || longestMatch(className, ALWAYS_EXCLUDED, false) >= 0
                || longestMatch(className, exclude, true) >= 0) {
            return false;
        }
        int included = include.isEmpty() ? 0 : longestMatch(className, include, true);
        if (!include.isEmpty() && included < 0) {
            return false;
        }
        // include=kotlin or include=org.junit.myfork brings that package back; include=org does not bring
        // JUnit back. A default prefix's trailing dot is not part of the package it names.
        int excluded = longestMatch(className, DEFAULT_EXCLUDED, false);
        return excluded < 0 || included >= excluded - 1;
    }

    /**
     * The length of the longest prefix that matches, or -1. A user's prefix matches only at a name
     * boundary ({@code com.acme} matches {@code com.acme.Foo} and {@code com.acme$Inner}, not
     * {@code com.acmeevil.Foo}); the built-in lists are raw prefixes.
     */
    private static int longestMatch(String name, List<String> prefixes, boolean atBoundary) {
        int longest = -1;
        for (String prefix : prefixes) {
            boolean matches = name.startsWith(prefix) && (!atBoundary || endsAtBoundary(name, prefix));
            if (matches && prefix.length() > longest) {
                longest = prefix.length();
            }
        }
        return longest;
    }

    private static boolean endsAtBoundary(String name, String prefix) {
        if (prefix.endsWith(".") || name.length() == prefix.length()) {
            return true;
        }
        char next = name.charAt(prefix.length());
        return next == '.' || next == '$';
    }

    public List<String> include() {
        return include;
    }

    public List<String> exclude() {
        return exclude;
    }

    @Override
    public String toString() {
        return "include=" + (include.isEmpty() ? "(all)" : String.join(",", include))
                + " exclude=" + String.join(",", exclude);
    }
}
