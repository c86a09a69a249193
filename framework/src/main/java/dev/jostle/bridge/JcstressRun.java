package dev.jostle.bridge;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One finished jcstress run: a result per test, and where jcstress left its log and HTML report.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class JcstressRun {

    private final JcstressSettings settings;
    private final List<JcstressResult> results;
    private final Path log;
    private final Path reportIndex;
    private final Duration elapsed;

    JcstressRun(JcstressSettings settings, List<JcstressResult> results, Path log, Path reportIndex,
            Duration elapsed) {
        this.settings = settings;
        this.results = Collections.unmodifiableList(new ArrayList<>(results));
        this.log = log;
        this.reportIndex = reportIndex;
        this.elapsed = elapsed;
    }

    public JcstressSettings settings() {
        return settings;
    }

    /** One result per test that ran, sorted by name; empty when the regex matched nothing. */
    public List<JcstressResult> results() {
        return results;
    }

    public Optional<JcstressResult> result(String simpleOrQualifiedName) {
        return results.stream()
                .filter(r -> r.test().equals(simpleOrQualifiedName) || r.simpleName().equals(simpleOrQualifiedName))
                .findFirst();
    }

    /** jcstress's console output. */
    public Path log() {
        return log;
    }

    /** jcstress's HTML report, {@code index.html}. */
    public Path reportIndex() {
        return reportIndex;
    }

    /** Wall-clock time of the whole run, forked VMs included. */
    public Duration elapsed() {
        return elapsed;
    }

    @Override
    public String toString() {
        return results.size() + " jcstress test(s) in " + elapsed.toSeconds() + " s (" + settings + "); report "
                + reportIndex;
    }
}
