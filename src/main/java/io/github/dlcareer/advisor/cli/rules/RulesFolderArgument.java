package io.github.dlcareer.advisor.cli.rules;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/** The rules folder of {@code rules check|test}: {@code [DIR]} as it always was, or {@code --rules DIR} as elsewhere. */
final class RulesFolderArgument {

    private Path dir;

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "The rules folder (default: ./rules).")
    void dir(Path folder) {
        dir = folder;
    }

    @Option(names = "--rules", paramLabel = "DIR", description = "The rules folder, as the other commands take it.")
    void rules(Path folder) {
        dir = folder;
    }

    /** The folder given, else ./rules. */
    Path folder() {
        return dir != null ? dir : Path.of("rules");
    }
}
