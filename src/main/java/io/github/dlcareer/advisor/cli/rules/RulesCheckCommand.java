package io.github.dlcareer.advisor.cli.rules;

import io.github.dlcareer.advisor.Advisor;
import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.authoring.RulesFolder;
import io.github.dlcareer.advisor.cli.ExitCodes;
import io.github.dlcareer.advisor.cli.VerboseOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code advisor rules check [DIR]}: every error at its file and line, quotes against the documents, lint. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Compile the rule files (those whose text compiled before are not compiled again) and report"
                + " every error as FILE:LINE:COL: message,"
                + " check every quote against its document, then lint warnings (advice no rule gives, passages"
                + " never cited, misspelled findings, code no advice rule needs, ...).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:no errors (warnings may be printed)", " 1:errors"})
final class RulesCheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RulesFolderArgument rules;

    @Option(names = "--documents", paramLabel = "DIR",
            description = "The folder of the documents' text files, to check every quote of sources.yaml against"
                    + " (a quote not found is an error). Default: ../shared/seeds when present.")
    Path documents;

    @Option(names = "--no-cache", description = "Compile every rule file, even one whose text compiled before"
            + " (noted in $ADVISOR_CACHE, else ~/.cache/dl-career-advisor), and note nothing.")
    boolean noCache;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path seen = Documents.folder(documents);
        List<Problem> problems = noCache ? RulesFolder.check(rules.folder(), seen)
                : RulesFolder.check(rules.folder(), seen, Advisor.defaultCacheFolder());
        problems.forEach(out::println);
        if (seen == null) {
            out.println("the quotes were not checked against the documents: "
                    + (documents != null ? documents + " is not a folder" : "../shared/seeds is not there")
                    + " (give the folder with --documents DIR)");
        }
        long errors = problems.stream().filter(Problem::isError).count();
        out.printf("%d %s, %d %s%n", errors, errors == 1 ? "error" : "errors", problems.size() - errors,
                problems.size() - errors == 1 ? "warning" : "warnings");
        out.flush();
        return errors == 0 ? 0 : ExitCodes.FAILURE;
    }
}
