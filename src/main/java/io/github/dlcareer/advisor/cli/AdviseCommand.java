package io.github.dlcareer.advisor.cli;

import io.github.dlcareer.advisor.Advice;
import io.github.dlcareer.advisor.Advisor;
import io.github.dlcareer.advisor.InvalidProfileException;
import io.github.dlcareer.advisor.InvalidRulesException;
import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.Profile;
import io.github.dlcareer.advisor.ProfileReader;
import io.github.dlcareer.advisor.internal.AdviceJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code advisor advise FILE}: the advice for one profile. */
@Command(name = "advise",
        mixinStandardHelpOptions = true,
        description = "Give ranked, cited advice for one profile (JSON or YAML; - reads standard input).")
final class AdviseCommand implements Callable<Integer> {

    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The profile, as in PROFILE.md; - for standard input.")
    String file;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default) or json (the output contract of DESIGN.md).")
    Format format;

    @Option(names = "--strict", description = "Treat unknown profile fields as errors, not warnings.")
    boolean strict;

    @Mixin
    RulesOption rules;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Profile profile;
        try {
            profile = readProfile(err);
        } catch (InvalidProfileException e) {
            Problems.print(err, e.problems());
            return Main.INVALID_INPUT;
        }
        Advisor advisor;
        try {
            advisor = rules.advisor();
        } catch (InvalidRulesException e) {
            Problems.print(err, e.problems());
            return Main.FAILURE;
        }
        Advice advice = advisor.advise(profile);
        if (format == Format.json) {
            AdviceJson.write(advice, out, true);
            out.println();
        } else {
            TextReport.write(advice, out);
        }
        out.flush();
        return 0;
    }

    private Profile readProfile(PrintWriter err) {
        ProfileReader reader = ProfileReader.create().strict(strict).onWarning(w -> err.println(w));
        if (!"-".equals(file)) {
            return reader.read(Path.of(file));
        }
        try {
            return reader.parse(new String(System.in.readAllBytes(), StandardCharsets.UTF_8), "<stdin>");
        } catch (IOException e) {
            throw new InvalidProfileException(java.util.List.of(
                    Problem.error("<stdin>", 0, 0, null, "cannot be read: " + e.getMessage())));
        }
    }
}
