package io.github.dlcareer.advisor.cli;

import io.github.dlcareer.advisor.Advisor;
import io.github.dlcareer.advisor.AdvisorException;
import io.github.dlcareer.advisor.InvalidRulesException;
import io.github.dlcareer.advisor.cli.batch.BatchCommand;
import io.github.dlcareer.advisor.cli.rules.RulesCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

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

    /**
     * The subcommands by name, in the order help lists them. Picocli reads a command's annotations when it is
     * added: a run adds only the command it names (measured: ~0.1 s of CPU less than building all eleven).
     */
    private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("advise", AdviseCommand::new);
        COMMANDS.put("explain", ExplainCommand::new);
        COMMANDS.put("interview", InterviewCommand::new);
        COMMANDS.put("batch", BatchCommand::new);
        COMMANDS.put("rules", RulesCommand::new);
        COMMANDS.put("serve", ServeCommand::new);
        // a lambda, not a method reference: JDK 25's AOT cache fails on one to the constructor of an old class file
        COMMANDS.put("help", () -> new CommandLine.HelpCommand());
    }

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        Logging.quiet();
        // A consequence looping in plain Java cannot be stopped in-process: say which rule, and exit.
        Advisor.onStuckEvaluation(problem -> {
            System.out.flush();
            System.err.println(problem);
            System.err.println("advisor: exiting, since the evaluation cannot be stopped otherwise");
            System.err.flush();
            System.exit(ExitCodes.FAILURE);
        });
        System.exit(commandLine(args).execute(args));
    }

    /**
     * The command line with its error handling, for main and for tests (which pass their own writers): with the
     * subcommand {@code args} start with, or with all of them for help and when they start with none (a mistyped
     * name, an option).
     */
    static CommandLine commandLine(String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        Supplier<Object> named = args.length == 0 || args[0].equals("help") ? null : COMMANDS.get(args[0]);
        if (named != null) {
            commandLine.addSubcommand(args[0], named.get());
        } else {
            COMMANDS.forEach((name, command) -> commandLine.addSubcommand(name, command.get()));
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

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: advise, explain, interview, batch, rules, serve, or help");
    }
}
