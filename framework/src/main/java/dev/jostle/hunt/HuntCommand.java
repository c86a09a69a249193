package dev.jostle.hunt;

import dev.jostle.agent.runtime.JostleRuntime;
import dev.jostle.engine.Campaign;
import java.io.IOException;
import java.io.PrintStream;

/**
 * {@code hunt [options] MAIN [ARGS...]}: checks the arguments and the program, runs the hunt, reports.
 * Returns the exit status; the caller ends the JVM with it, so that threads a failed round left behind never
 * keep it alive.
 */
public final class HuntCommand {

    public static final int NOTHING_FOUND = 0;
    public static final int FAILURE_FOUND = 1;
    public static final int USAGE_ERROR = 2;

    private HuntCommand() {
    }

    public static int run(String[] argv, PrintStream out, PrintStream err) {
        HuntOptions options;
        Program program;
        try {
            options = HuntArguments.parse(argv);
            program = Program.check(options.classPath(), options.main(), options.args(), options.assertions());
            if (options.forks() > 0 && Forks.ownJar() == null) {
                program.close();
                throw new UsageException("--forks needs the hunt to run from its jar (java -jar jostle.jar hunt"
                        + " ...): each fork runs that jar");
            }
        } catch (HuntArguments.HelpRequested help) {
            out.println(HuntArguments.usage());
            return NOTHING_FOUND;
        } catch (UsageException bad) {
            err.println("jostle hunt: " + bad.getMessage());
            return USAGE_ERROR;
        }
        // Both taken before any round: a program that uses up the file descriptors leaves none to take them after.
        Launch launch = Launch.current();
        JsonOutput json;
        try {
            json = options.json() == null ? null : JsonOutput.open(options.json());
        } catch (UsageException unwritable) {
            program.close();
            err.println("jostle hunt: " + unwritable.getMessage());
            return USAGE_ERROR;
        }
        try (json) {
            return hunt(options, launch, program, json, out, err);
        }
    }

    /** The hint, or none: a failure found stands whatever goes wrong in looking for one. */
    private static String hint(SharedState state, int atOnce) {
        try {
            return state.hint(atOnce);
        } catch (RuntimeException | LinkageError unseen) {
            return null;
        }
    }

    private static int hunt(HuntOptions options, Launch launch, Program program, JsonOutput json, PrintStream out,
            PrintStream err) {
        if (!JostleRuntime.isInstalled()) {
            err.println("jostle hunt: warning: the Jostle agent is not running, so no noise can be injected;"
                    + " start the hunt with java -jar jostle.jar");
        }
        out.println(HuntReport.start(options));
        Campaign.Listener progress = Progress.forTerminal(err, options);
        HuntResult result;
        // Forks and a single round at a time share nothing with another round: nothing to watch.
        boolean shared = options.forks() == 0 && options.parallel() > 1;
        try (program; RoundOutput output = RoundOutput.install(options.failOnOutput());
                ProgramExits exits = ProgramExits.install();
                SharedState state = shared ? SharedState.watch(launch.workingDirectory(), options.json()) : null) {
            result = new Hunt(options, launch, program, output, exits).run(progress);
            if (result.found() && state != null) {
                result = result.withCollisionHint(hint(state, options.parallel()));
            }
        } catch (RuntimeException crash) {
            Progress.clear(progress);
            err.println("jostle hunt: a round could not be run: " + crash.getMessage());
            return USAGE_ERROR;
        }
        Progress.clear(progress);
        // From here on the verdict is settled: trouble reporting it is said on stderr, never turned into status 2.
        try {
            out.println(HuntReport.summary(result));
        } catch (RuntimeException | LinkageError unreportable) {
            err.println("jostle hunt: " + (result.found() ? "FAILED" : "no failure") + "; the report could not be"
                    + " written: " + unreportable);
        }
        if (json != null) {
            try {
                json.write(JsonReport.toJson(result));
            } catch (IOException | RuntimeException | LinkageError unwritable) {
                err.println("jostle hunt: cannot write --json " + json.file() + ": " + unwritable);
                // A failure found is still found; "nothing found" is not a result the caller got.
                return result.found() ? FAILURE_FOUND : USAGE_ERROR;
            }
        }
        return result.found() ? FAILURE_FOUND : NOTHING_FOUND;
    }
}
