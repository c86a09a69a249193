package dev.jostle.hunt;

import dev.jostle.agent.runtime.JostleRuntime;
import dev.jostle.agent.runtime.Session;
import dev.jostle.engine.RoundOutcome;
import dev.jostle.engine.RoundTimeout;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code java -jar jostle.jar fork PORT [hunt options] MAIN [ARGS...]}: one of a hunt's forks (see
 * {@link Forks}). Connects back to the hunt on PORT, then runs the rounds it is sent, one at a time, and answers
 * each with its outcome, until told to stop. Not a user's command: the hunt starts it.
 */
public final class ForkChild {

    /** Kept back from the parent's budget for the answer to reach it: the parent kills a fork that is late. */
    private static final Duration ANSWER = Duration.ofMillis(250);

    private ForkChild() {
    }

    /** Returns the fork's exit status: 0 when the parent stopped it, 2 when it could not serve it. */
    public static int run(String[] argv, PrintStream err) {
        int port;
        HuntOptions options;
        Program program;
        try {
            CommandSpec spec = spec();
            ParseResult parsed = CommandLines.parse(CommandLines.of(spec, true), argv);
            if (parsed.isUsageHelpRequested()) {
                // A fork's stdout is the program's: help goes where a fork's words to a person go.
                err.println(CommandLines.usage(CommandLines.of(spec(), true)));
                return HuntCommand.NOTHING_FOUND;
            }
            Integer given = spec.positionalParameters().get(0).getValue();
            if (given == null) {
                throw new UsageException("needs the hunt's port");
            }
            port = given;
            List<String> hunt = spec.positionalParameters().get(1).getValue();
            options = HuntArguments.parse(hunt == null ? new String[0] : hunt.toArray(new String[0]));
            program = Program.check(options.classPath(), options.main(), options.args(), options.assertions());
        } catch (UsageException | HuntArguments.HelpRequested bad) {
            err.println("jostle fork: " + bad.getMessage());
            return HuntCommand.USAGE_ERROR;
        }
        // The socket, not stdout, carries the outcomes: the program's own writes to the console cannot corrupt it.
        try (program; Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                RoundOutput output = RoundOutput.install(options.failOnOutput());
                ProgramExits exits = ProgramExits.install()) {
            socket.setTcpNoDelay(true);
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
            serve(new Hunt(options, Launch.current(), program, output, exits), in, out);
            return HuntCommand.NOTHING_FOUND;
        } catch (IOException | RuntimeException lost) {
            err.println("jostle fork: " + lost);
            return HuntCommand.USAGE_ERROR;
        }
    }

    /** Not listed in jostle.jar's help: a hunt with --forks starts it, with its own words after PORT. */
    public static CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("fork");
        spec.usageMessage().hidden(true).customSynopsis("java -jar jostle.jar fork PORT [hunt options] MAIN [ARGS...]")
                .description("One of a hunt's forks: connects back to the hunt on PORT and runs the rounds it is"
                        + " sent. Not a user's command: hunt --forks starts it.");
        spec.addPositional(PositionalParamSpec.builder().index("0").arity("0..1").paramLabel("PORT")
                .type(Integer.class).converters(OptionConverters.wholeNumber("PORT", 1))
                .description("the hunt's port on the loopback address").build());
        spec.addPositional(PositionalParamSpec.builder().index("1..*").arity("0..*").paramLabel("HUNT")
                .type(List.class).auxiliaryTypes(String.class)
                .description("hunt's own words: [options] MAIN [ARGS...], read as hunt reads them").build());
        spec.addOption(OptionSpec.builder("--help", "-h").usageHelp(true).description("print this help and exit")
                .build());
        return spec;
    }

    private static void serve(Hunt hunt, DataInputStream in, DataOutputStream out) throws IOException {
        Map<String, Session> sessions = new HashMap<>();
        ForkWire.Request request;
        while ((request = ForkWire.readRequest(in)) != null) {
            ForkWire.Request asked = request;
            String key = asked.strategy().id() + "/" + asked.baseSeed() + "/" + asked.recordSites() + "/"
                    + asked.races();
            if (asked.observation()) {
                // The parent observes once per session it opens: so does the fork, in a session as fresh.
                sessions.remove(key);
            }
            Session session = sessions.computeIfAbsent(key,
                    k -> JostleRuntime.newSession(asked.strategy(), asked.baseSeed(), asked.recordSites())
                            .detectRaces(asked.races()));
            long received = System.nanoTime();
            int exitsBefore = hunt.roundsExited();
            RoundOutcome outcome = null;
            try {
                if (asked.observation() || session.wantsObservation()) {
                    // A fork aims its noise by what its own observation round saw, as the in-process hunt does by
                    // its one: a failure there, without noise, is the answer.
                    outcome = hunt.runRound(session::openObservationRound, timeout(asked, received));
                }
                if (!asked.observation() && (outcome == null || outcome.passed())) {
                    outcome = hunt.runRound(root -> session.openRound(asked.index(), root),
                            timeout(asked, received));
                }
            } catch (RuntimeException | Error cannotRun) {
                ForkWire.writeCannotRun(out, cannotRun);
                return;
            }
            String text = outcome.passed() ? null : hunt.failedOutput(outcome.report().seed());
            ForkWire.writeReply(out, new ForkWire.Reply(outcome, text, hunt.roundsExited() != exitsBefore));
        }
    }

    /**
     * The parent's limit; cut when the parent's was, so that running out of it is no hang here either; within
     * what is left of the parent's budget for this request, less the answer's way back.
     */
    private static RoundTimeout timeout(ForkWire.Request request, long received) {
        RoundTimeout set = RoundTimeout.fixed(request.limit());
        RoundTimeout limit = request.cut() ? set.cutTo(request.limit()) : set;
        if (request.budget() == null) {
            return limit;
        }
        return limit.within(request.budget().minus(ANSWER).minusNanos(System.nanoTime() - received));
    }
}
