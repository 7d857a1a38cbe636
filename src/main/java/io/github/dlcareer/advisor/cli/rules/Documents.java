package io.github.dlcareer.advisor.cli.rules;

import java.nio.file.Files;
import java.nio.file.Path;

/** The advice documents' text files, which {@code rules check} and {@code rules coverage} read. */
final class Documents {

    private Documents() {
    }

    /** The documents' folder: the one given, else ../shared/seeds; null when it is not a folder. */
    static Path folder(Path given) {
        Path folder = given != null ? given : Path.of("..", "shared", "seeds");
        return Files.isDirectory(folder) ? folder : null;
    }
}
