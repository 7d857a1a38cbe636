package io.github.dlcareer.advisor.cli;

import io.github.dlcareer.advisor.Advisor;
import io.github.dlcareer.advisor.authoring.RulesFolder;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** {@code --rules DIR}, else {@code ./rules} when it is there, else the rules bundled in the jar. */
public final class RulesOption {

    @Option(names = "--rules", paramLabel = "DIR",
            description = "The rules folder. Default: ./rules when present, else the rules bundled in the jar.")
    Path folder;

    @Option(names = "--no-cache", description = "Compile the rules even when a compiled copy of them is cached"
            + " (in $ADVISOR_CACHE, else ~/.cache/dl-career-advisor), and cache nothing. A rule file whose text is"
            + " precompiled in the jar still loads from there (it cannot be stale).")
    boolean noCache;

    /** The folder to use, or null for the bundled rules. */
    Path chosen() {
        return folder(null);
    }

    /**
     * The folder to use for a caller in {@code directory} (null: this process's own), resolved against it; null
     * for the bundled rules.
     */
    public Path folder(Path directory) {
        Path rules = directory == null ? Path.of("rules") : directory.resolve("rules");
        Path given = folder == null || directory == null ? folder : directory.resolve(folder);
        return given != null ? given : Files.isDirectory(rules) ? rules : null;
    }

    /** The rules read and checked, not compiled: for listing them. */
    public RulesFolder read() {
        Path chosen = chosen();
        return chosen == null ? RulesFolder.bundled()
                : noCache ? RulesFolder.read(chosen) : RulesFolder.read(chosen, Advisor.defaultCacheFolder());
    }

    public Advisor advisor() {
        return advisor(false, null);
    }

    /** The advisor; watching the rules folder (when there is one) and telling {@code listener} of reloads. */
    Advisor advisor(boolean watch, Advisor.ReloadListener listener) {
        Path chosen = chosen();
        Advisor.Builder builder = Advisor.builder();
        if (!noCache) {
            builder.cache(Advisor.defaultCacheFolder());
        }
        if (watch && chosen != null) {
            builder.watch(true).onReload(listener);
        }
        Advisor advisor = (chosen == null ? builder.bundledRules() : builder.rules(chosen)).build();
        LoggerFactory.getLogger(RulesOption.class)
                .info("{} rules from {}", advisor.ruleCount(), advisor.rulesLocation());
        return advisor;
    }
}
