package io.github.dlcareer.advisor.cli;

import io.github.dlcareer.advisor.Advisor;
import io.github.dlcareer.advisor.AdvisorException;
import io.github.dlcareer.advisor.InvalidRulesException;
import io.github.dlcareer.advisor.cli.batch.BatchCommand;
import io.github.dlcareer.advisor.cli.daemon.DaemonClient;
import io.github.dlcareer.advisor.cli.daemon.DaemonCommand;
import io.github.dlcareer.advisor.cli.rules.RulesCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.OptionalInt;

/** {@code advisor}: the root command; the work is done by its subcommands. */
@Command(name = "advisor",
        mixinStandardHelpOptions = true,
        versionProvider = Versions.class,
        description = "Ranked, cited career advice for deep learning, from a person's profile.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                " 0:done (advice given, rules listed)",
                " 1:failure, such as rules that do not compile",
                " 2:bad usage or an invalid profile"})
public final class Main implements Runnable {

    /** The subcommands, in the order help lists them. */
    private static final List<String> COMMANDS =
            List.of("advise", "explain", "interview", "batch", "rules", "serve", "daemon", "help");

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        // An advice a running daemon can give is asked of it (nothing else is loaded for that): see cli.daemon
        OptionalInt answered = DaemonClient.ask(args);
        if (answered.isPresent()) {
            System.exit(answered.getAsInt());
        }
        Logging.quiet();
        // A consequence looping in plain Java cannot be stopped in-process: say which rule, and exit.
        Advisor.onStuckEvaluation(problem -> {
            System.out.flush();
            System.err.println(problem);
            System.err.println("advisor: exiting, since the evaluation cannot be stopped otherwise");
            System.err.flush();
            System.exit(ExitCodes.FAILURE);
        });
        System.exit(commandLine(Caller.local(), args).execute(args));
    }

    /** The command line run by this process itself: for tests, which pass their own writers. */
    static CommandLine commandLine(String... args) {
        return commandLine(Caller.local(), args);
    }

    /**
     * The command line with its error handling, for {@code caller}: with the subcommand {@code args} start with,
     * or with all of them for help and when they start with none (a mistyped name, an option). Picocli reads a
     * command's annotations when it is added: a run adds only the command it names (measured: ~0.1 s of CPU less
     * than building all of them).
     */
    public static CommandLine commandLine(Caller caller, String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        Object named = args.length == 0 || args[0].equals("help") ? null : command(args[0], caller);
        if (named != null) {
            commandLine.addSubcommand(args[0], named);
        } else {
            COMMANDS.forEach(name -> commandLine.addSubcommand(name, command(name, caller)));
        }
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            if (e instanceof AdvisorException problems) { // a profile, an input or rules the advisor cannot use
                Problems.print(err, problems.problems());
                return problems instanceof InvalidRulesException ? ExitCodes.FAILURE : ExitCodes.INVALID_INPUT;
            }
            err.println("advisor: unexpected failure: " + e);
            err.println("Run again with --verbose for details; please report it with the input that caused it.");
            if (Logging.isVerbose()) {
                e.printStackTrace(err);
            }
            err.flush();
            return ExitCodes.FAILURE;
        });
        return commandLine;
    }

    /** The subcommand {@code name} for {@code caller}; null when there is none of that name. */
    private static Object command(String name, Caller caller) {
        return switch (name) {
            case "advise" -> new AdviseCommand(caller);
            case "explain" -> new ExplainCommand();
            case "interview" -> new InterviewCommand();
            case "batch" -> new BatchCommand();
            case "rules" -> new RulesCommand();
            case "serve" -> new ServeCommand();
            case "daemon" -> new DaemonCommand(Main.class.getName(),
                    (daemonCaller, daemonArgs) -> commandLine(daemonCaller, daemonArgs));
            case "help" -> new CommandLine.HelpCommand();
            default -> null;
        };
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: advise, explain, interview, batch, rules, serve, daemon, or help");
    }
}
