package dev.jostle.junit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The tests {@code jostle.select} names: {@code @Test} methods that run as if annotated {@code @Jostled}.
 *
 * <p>Grammar: a comma-separated list of patterns (blanks around each ignored, empty entries skipped); a
 * pattern is {@code classGlob} or {@code classGlob#methodGlob}. A class glob is matched against the test
 * class's binary name ({@code com.acme.PoolTest}, a nested class {@code com.acme.PoolTest$Inner}); a method
 * glob against the test method's name (every overload). Both use Java identifier characters, {@code .} and
 * {@code $} literally, {@code *} for any run of characters other than {@code .} (so within one package or
 * class name, nested classes included) and {@code **} for any run including dots. A class glob alone
 * selects every {@code @Test} method of the classes it matches. Examples: {@code com.acme.PoolTest},
 * {@code com.acme.PoolTest#testThreaded*}, {@code com.acme.**.*PoolTest#test*Concurrent*}.
 */
final class JostleSelection {

    static final String KEY = "jostle.select";

    private static final Pattern CLASS_GLOB = Pattern.compile("[\\p{javaJavaIdentifierPart}.$*]+");
    private static final Pattern METHOD_GLOB = Pattern.compile("[\\p{javaJavaIdentifierPart}$*]+");
    private static final JostleSelection NONE = new JostleSelection(List.of());
    /** Parsed once per distinct value: the auto-detected extension asks before every test of the run. */
    private static final Map<String, JostleSelection> PARSED = new ConcurrentHashMap<>();

    private final List<Glob> globs;

    private record Glob(Pattern type, Pattern method) {
        boolean matches(String className, String methodName) {
            return type.matcher(className).matches() && (method == null || method.matcher(methodName).matches());
        }
    }

    private JostleSelection(List<Glob> globs) {
        this.globs = globs;
    }

    /** The selection in force for this test: the system property, else the JUnit configuration parameter. */
    static JostleSelection of(ExtensionContext context) {
        String property = System.getProperty(KEY);
        if (property != null) {
            return parse(property, "-D" + KEY);
        }
        Optional<String> parameter = context.getConfigurationParameter(KEY);
        return parameter.isPresent() ? parse(parameter.get(), "configuration parameter " + KEY) : NONE;
    }

    /**
     * The selection a launcher's run will act on: none while JUnit's extension auto-detection is off (the
     * extension that jostles selected tests is then not loaded) or while the value is invalid (that run's tests
     * fail naming it, and {@link JostleSelectionCheck} says so).
     */
    static JostleSelection inForce(org.junit.platform.engine.ConfigurationParameters parameters) {
        if (!parameters.getBoolean(JostleSelectionCheck.AUTODETECTION).orElse(false)) {
            return NONE;
        }
        String property = System.getProperty(KEY);
        Optional<String> value = property != null ? Optional.of(property) : parameters.get(KEY);
        try {
            return value.map(v -> parse(v, KEY)).orElse(NONE);
        } catch (ExtensionConfigurationException invalid) {
            return NONE;
        }
    }

    /**
     * Parses a {@code jostle.select} value.
     *
     * @param source how the value was given, for the error message ({@code -Djostle.select})
     * @throws ExtensionConfigurationException naming the setting, the value and the bad pattern
     */
    static JostleSelection parse(String value, String source) {
        JostleSelection known = PARSED.get(value);
        if (known != null) {
            return known;
        }
        List<Glob> globs = new ArrayList<>();
        for (String entry : value.split(",", -1)) {
            String pattern = entry.trim();
            if (!pattern.isEmpty()) {
                globs.add(glob(pattern, source, value));
            }
        }
        JostleSelection selection = new JostleSelection(List.copyOf(globs));
        PARSED.put(value, selection);
        return selection;
    }

    boolean isEmpty() {
        return globs.isEmpty();
    }

    boolean matches(String className, String methodName) {
        for (Glob glob : globs) {
            if (glob.matches(className, methodName)) {
                return true;
            }
        }
        return false;
    }

    private static Glob glob(String pattern, String source, String value) {
        int hash = pattern.indexOf('#');
        String type = hash < 0 ? pattern : pattern.substring(0, hash);
        String method = hash < 0 ? null : pattern.substring(hash + 1);
        String problem = null;
        if (type.isEmpty() || !CLASS_GLOB.matcher(type).matches()) {
            problem = "the class part must be a class name with * or ** wildcards";
        } else if (type.startsWith(".") || type.endsWith(".") || type.contains("..")) {
            problem = "a class name has no empty segment between dots";
        } else if (type.contains("***")) {
            problem = "* is one name segment, ** any number of them; *** means neither";
        } else if (method != null && (method.isEmpty() || !METHOD_GLOB.matcher(method).matches())) {
            problem = "the part after # must be a method name with * wildcards";
        }
        if (problem != null) {
            throw new ExtensionConfigurationException(source + "=" + value + ": '" + pattern + "' is not a valid"
                    + " pattern (" + problem + "); expected fully.qualified.Class or fully.qualified.Class#method,"
                    + " comma-separated, for example com.acme.**.*PoolTest#test*");
        }
        return new Glob(regex(type, true), method == null ? null : regex(method, false));
    }

    private static Pattern regex(String glob, boolean dotted) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append(dotted ? "[^.]*" : ".*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
