package io.github.dlcareer.advisor.cli;

import io.github.dlcareer.advisor.Advice;
import io.github.dlcareer.advisor.Advisor;
import io.github.dlcareer.advisor.FolderWatcher;
import io.github.dlcareer.advisor.InvalidProfileException;
import io.github.dlcareer.advisor.InvalidRulesException;
import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.Profile;
import io.github.dlcareer.advisor.ProfileReader;
import io.github.dlcareer.advisor.WhatIf;
import io.github.dlcareer.advisor.format.AdviceJson;
import io.github.dlcareer.advisor.format.HtmlReport;
import io.github.dlcareer.advisor.format.TextReport;
import io.github.dlcareer.advisor.format.WhatIfJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code advisor advise FILE}: the advice for one profile. */
@Command(name = "advise",
        mixinStandardHelpOptions = true,
        description = "Give ranked, cited advice for one profile (JSON or YAML; - reads standard input).")
final class AdviseCommand implements Callable<Integer> {

    private final Caller caller;

    AdviseCommand(Caller caller) {
        this.caller = caller;
    }

    enum Format { text, json, html }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The profile (JSON or YAML, as in the README's \"The profile\"); - for standard input.")
    String file;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), json (the output contract, as in the README's \"Reading the output\"), or html (a self-contained page).")
    Format format;

    @Option(names = "--strict", description = "Treat unknown profile fields as errors, not warnings.")
    boolean strict;

    @Option(names = "--what-if", paramLabel = "FIELD=VALUE",
            description = "Show the advice before and after setting a profile field (repeatable), with what is new,"
                    + " gone or moved: --what-if hardware.gpu=OWN --what-if plans.goal=PHD. An empty value makes"
                    + " the field unknown.")
    Map<String, String> whatIf = new LinkedHashMap<>();

    @Option(names = "--all", description = "Print every recommendation in detail, not only the top "
            + TextReport.DETAILED + " (text; the HTML page folds the rest, JSON always has them all).")
    boolean all;

    @Option(names = "--watch", description = "Keep running: print the advice again whenever the rules folder or"
            + " the profile changes (Ctrl-C to stop).")
    boolean watch;

    @Mixin
    RulesOption rules;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Profile profile = readProfile(err);
        Advisor advisor = watch ? rules.advisor(true, new Advisor.ReloadListener() {
            @Override
            public void reloaded(Advisor reloaded) {
                show(reloaded, "the rules changed", out, err);
            }

            @Override
            public void failed(List<Problem> problems) {
                err.println("--- the edited rules do not compile; the previous rules go on serving:");
                Problems.print(err, problems);
            }
        }) : caller.advisor(rules);
        if (!whatIf.isEmpty()) {
            WhatIf comparison = advisor.whatIf(profile, whatIf);
            if (format == Format.json) {
                WhatIfJson.write(comparison, out);
            } else if (format == Format.html) {
                out.print(HtmlReport.whatIf(comparison));
            } else {
                TextReport.writeWhatIf(comparison, out, new TextReport.Options(all, verbose.on));
            }
            out.flush();
            return 0;
        }
        print(advisor.advise(profile), out);
        if (watch) {
            return watchProfile(advisor, out, err);
        }
        return 0;
    }

    private void print(Advice advice, PrintWriter out) {
        if (format == Format.json) {
            AdviceJson.write(advice, out, true);
            out.println();
        } else if (format == Format.html) {
            out.print(HtmlReport.advice(advice));
        } else {
            TextReport.write(advice, out, new TextReport.Options(all, verbose.on));
        }
        out.flush();
    }

    /** Prints the advice again after a change, or the profile's problems if it no longer reads. */
    private synchronized void show(Advisor advisor, String why, PrintWriter out, PrintWriter err) {
        out.println();
        out.println("--- " + why + " (" + LocalTime.now().withNano(0) + ")");
        try {
            print(advisor.advise(readProfile(err)), out);
        } catch (InvalidProfileException e) {
            Problems.print(err, e.problems());
        } catch (InvalidRulesException e) {
            Problems.print(err, e.problems()); // an evaluation stopped at its limit: the watch goes on
        }
    }

    /** Watches the profile file too (not its folder: an output written beside it is no change), until Ctrl-C. */
    private int watchProfile(Advisor advisor, PrintWriter out, PrintWriter err) {
        if ("-".equals(file)) {
            err.println("--watch needs a profile file, not standard input");
            return ExitCodes.INVALID_INPUT;
        }
        Path profileFile = Path.of(file).toAbsolutePath();
        err.println("watching " + TextReport.safe(advisor.rulesLocation() + " and " + file) + "; Ctrl-C to stop");
        try (advisor; var profileWatcher = new FolderWatcher(
                List.of(profileFile), () -> show(advisor, "the profile changed", out, err))) {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private Profile readProfile(PrintWriter err) {
        ProfileReader reader = ProfileReader.create().strict(strict).onWarning(w -> err.println(w));
        return "-".equals(file) ? reader.read(caller.stdin(), "<stdin>") : reader.read(caller.resolve(file), file);
    }
}
