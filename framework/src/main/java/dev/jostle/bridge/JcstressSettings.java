package dev.jostle.bridge;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apiguardian.api.API;

/**
 * How to run one batch of jcstress tests: which tests, in which mode, with how many CPUs and forks, which
 * JVM arguments the forked test VMs get, and where the report goes.
 *
 * <p>Defaults are the cheapest settings that still catch the broken samples: mode {@code quick},
 * 2 CPUs, 1 fork, no split compilation, {@code -Xmx256m} (which also switches off jcstress's slow JVM
 * flag auto-detection).
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class JcstressSettings {

    /** The modes jcstress 0.16 knows, cheapest first. */
    public static final List<String> MODES = List.of("sanity", "quick", "default", "tough", "stress");

    private final String tests;
    private final String mode;
    private final int cpus;
    private final int forks;
    private final String jvmArgs;
    private final Path agentJar;
    private final Path workDir;
    private final Duration timeout;

    private JcstressSettings(String tests, String mode, int cpus, int forks, String jvmArgs, Path agentJar,
            Path workDir, Duration timeout) {
        this.tests = tests;
        this.mode = mode;
        this.cpus = cpus;
        this.forks = forks;
        this.jvmArgs = jvmArgs;
        this.agentJar = agentJar;
        this.workDir = workDir;
        this.timeout = timeout;
    }

    /**
     * Settings for the tests whose class names match {@code testsRegex} (jcstress's {@code -t}: a regular
     * expression found anywhere in the fully qualified name), with the defaults.
     */
    public static JcstressSettings forTests(String testsRegex) {
        return new JcstressSettings(checkRegex("tests", testsRegex), "quick", allCores(), 1, "-Xmx256m", null,
                Paths.get("target", "jcstress"), Duration.ofMinutes(10));
    }

    /** jcstress's {@code -c} by default: every core the JVM sees, as the mission says, and never fewer than two. */
    static int allCores() {
        return Math.max(2, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Reads the settings a build passes as system properties, each overriding the default:
     * {@code jostle.jcstress.tests} (replaces {@code testsRegex}), {@code jostle.jcstress.mode},
     * {@code jostle.jcstress.cpus}, {@code jostle.jcstress.forks}, {@code jostle.jcstress.jvmArgs},
     * {@code jostle.jcstress.reportDir}, {@code jostle.jcstress.timeoutMinutes}, and
     * {@code jostle.jcstress.agent} ({@code true} attaches the jar named by {@code jostle.agent.jar},
     * a path attaches that jar, {@code false} or unset attaches nothing).
     *
     * @throws IllegalArgumentException naming the property and its value when one is malformed
     */
    public static JcstressSettings fromSystemProperties(String testsRegex) {
        return fromProperties(testsRegex, System.getProperties());
    }

    static JcstressSettings fromProperties(String testsRegex, Properties p) {
        JcstressSettings s = forTests(nonBlank(p, "jostle.jcstress.tests", testsRegex));
        String mode = p.getProperty("jostle.jcstress.mode");
        if (mode != null && !mode.isBlank()) {
            s = s.mode(mode);
        }
        String cpus = p.getProperty("jostle.jcstress.cpus");
        if (cpus != null && !cpus.isBlank()) {
            s = s.cpus(parseInt("jostle.jcstress.cpus", cpus));
        }
        String forks = p.getProperty("jostle.jcstress.forks");
        if (forks != null && !forks.isBlank()) {
            s = s.forks(parseInt("jostle.jcstress.forks", forks));
        }
        String jvmArgs = p.getProperty("jostle.jcstress.jvmArgs");
        if (jvmArgs != null && !jvmArgs.isBlank()) {
            s = s.jvmArgs(jvmArgs);
        }
        String dir = p.getProperty("jostle.jcstress.reportDir");
        if (dir != null && !dir.isBlank()) {
            s = s.workDir(Paths.get(dir));
        }
        String minutes = p.getProperty("jostle.jcstress.timeoutMinutes");
        if (minutes != null && !minutes.isBlank()) {
            int m = parseInt("jostle.jcstress.timeoutMinutes", minutes);
            if (m < 1) {
                throw new IllegalArgumentException("jostle.jcstress.timeoutMinutes=" + minutes
                        + ": must be at least 1");
            }
            s = s.timeout(Duration.ofMinutes(m));
        }
        String agent = p.getProperty("jostle.jcstress.agent", "false").trim();
        if (agent.equalsIgnoreCase("true")) {
            String jar = p.getProperty("jostle.agent.jar");
            if (jar == null || jar.isBlank()) {
                throw new IllegalArgumentException("jostle.jcstress.agent=true needs jostle.agent.jar "
                        + "(the path of jostle-agent.jar), which is not set");
            }
            s = s.agentJar(Paths.get(jar));
        } else if (!agent.isEmpty() && !agent.equalsIgnoreCase("false")) {
            s = s.agentJar(Paths.get(agent));
        }
        return s;
    }

    /** jcstress's {@code -m}: one of {@link #MODES}. */
    public JcstressSettings mode(String newMode) {
        String m = newMode == null ? "" : newMode.trim().toLowerCase(Locale.ROOT);
        if (!MODES.contains(m)) {
            throw new IllegalArgumentException("jostle.jcstress.mode='" + newMode + "': unknown mode; known: "
                    + String.join(", ", MODES));
        }
        return new JcstressSettings(tests, m, cpus, forks, jvmArgs, agentJar, workDir, timeout);
    }

    /** jcstress's {@code -c}: CPUs the run may use; tests with more actors than this do not run. */
    public JcstressSettings cpus(int newCpus) {
        if (newCpus < 2) {
            throw new IllegalArgumentException("jostle.jcstress.cpus=" + newCpus
                    + ": must be at least 2, or no two actors ever run at the same time");
        }
        return new JcstressSettings(tests, mode, newCpus, forks, jvmArgs, agentJar, workDir, timeout);
    }

    /** jcstress's {@code -f}: forked VMs per test; jcstress runs nothing at all (and exits 0) with 0. */
    public JcstressSettings forks(int newForks) {
        if (newForks < 1) {
            throw new IllegalArgumentException("jostle.jcstress.forks=" + newForks
                    + ": must be at least 1 (with 0 jcstress runs no test and still exits 0)");
        }
        return new JcstressSettings(tests, mode, cpus, newForks, jvmArgs, agentJar, workDir, timeout);
    }

    /**
     * jcstress's {@code -jvmArgs}: the forked test VMs' arguments, space-separated. Giving any switches
     * off jcstress's JVM flag auto-detection, which costs several times a quick test's own run.
     */
    public JcstressSettings jvmArgs(String newJvmArgs) {
        if (newJvmArgs == null || newJvmArgs.isBlank()) {
            throw new IllegalArgumentException("jostle.jcstress.jvmArgs is blank; give at least -Xmx256m");
        }
        return new JcstressSettings(tests, mode, cpus, forks, newJvmArgs.trim(), agentJar, workDir, timeout);
    }

    /** The Jostle agent jar the forked test VMs start with ({@code -jvmArgsPrepend -javaagent:...}). */
    public JcstressSettings agentJar(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("jostle agent jar '" + jar + "' does not exist; build the agent "
                    + "module first (mvn -pl agent package) or set jostle.jcstress.agent=false");
        }
        return new JcstressSettings(tests, mode, cpus, forks, jvmArgs, jar.toAbsolutePath(), workDir, timeout);
    }

    /** Where each run gets a directory of its own with jcstress's output, results and HTML report. */
    public JcstressSettings workDir(Path dir) {
        return new JcstressSettings(tests, mode, cpus, forks, jvmArgs, agentJar, dir, timeout);
    }

    /** How long the whole run may take before its processes are killed and the run fails. */
    public JcstressSettings timeout(Duration newTimeout) {
        if (newTimeout.isNegative() || newTimeout.isZero()) {
            throw new IllegalArgumentException("jcstress timeout " + newTimeout + ": must be positive");
        }
        return new JcstressSettings(tests, mode, cpus, forks, jvmArgs, agentJar, workDir, newTimeout);
    }

    public String tests() {
        return tests;
    }

    public String mode() {
        return mode;
    }

    public int cpus() {
        return cpus;
    }

    public int forks() {
        return forks;
    }

    public String jvmArgs() {
        return jvmArgs;
    }

    public Optional<Path> agentJar() {
        return Optional.ofNullable(agentJar);
    }

    public Path workDir() {
        return workDir;
    }

    public Duration timeout() {
        return timeout;
    }

    /** The arguments for {@code org.openjdk.jcstress.Main}, report directory included. */
    List<String> mainArguments(Path reportDir) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "-t", tests, "-m", mode, "-c", String.valueOf(cpus), "-f", String.valueOf(forks),
                "-sc", "false", "-jvmArgs", jvmArgs, "-r", reportDir.toString()));
        if (agentJar != null) {
            args.add("-jvmArgsPrepend");
            args.add("-javaagent:" + agentJar);
        }
        return args;
    }

    @Override
    public String toString() {
        return "jcstress -t " + tests + " -m " + mode + " -c " + cpus + " (of "
                + Runtime.getRuntime().availableProcessors() + " cores) -f " + forks + " -jvmArgs \"" + jvmArgs
                + "\"" + (agentJar == null ? "" : " -jvmArgsPrepend \"-javaagent:" + agentJar + "\"");
    }

    private static String checkRegex(String what, String regex) {
        if (regex == null || regex.isBlank()) {
            throw new IllegalArgumentException("jcstress " + what + " regex is blank; name the tests to run");
        }
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException bad) {
            throw new IllegalArgumentException("jostle.jcstress.tests='" + regex + "' is not a regular expression: "
                    + bad.getDescription());
        }
        return regex;
    }

    private static String nonBlank(Properties p, String key, String fallback) {
        String value = p.getProperty(key);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int parseInt(String key, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException bad) {
            throw new IllegalArgumentException(key + "='" + value + "' is not a whole number");
        }
    }
}
