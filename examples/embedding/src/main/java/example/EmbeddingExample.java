package example;

import io.github.dlcareer.advisor.Advice;
import io.github.dlcareer.advisor.Advisor;
import io.github.dlcareer.advisor.InvalidProfileException;
import io.github.dlcareer.advisor.Profile;
import io.github.dlcareer.advisor.ProfileReader;
import io.github.dlcareer.advisor.Recommendation;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Advises the profiles named on the command line from several threads with one shared Advisor, using the
 * rules bundled in the library's jar: no files, no CLI, no logging backend forced on the application.
 */
public final class EmbeddingExample {

    public static void main(String[] args) throws Exception {
        Advisor advisor = Advisor.builder().build();            // compile once (bundled rules), share freely
        ProfileReader reader = ProfileReader.create().onWarning(w -> System.err.println(w));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> answers = java.util.Arrays.stream(args)
                    .map(file -> pool.submit(() -> summary(advisor, reader, Path.of(file))))
                    .toList();
            for (Future<String> answer : answers) {
                System.out.println(answer.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    private static String summary(Advisor advisor, ProfileReader reader, Path file) {
        Profile profile;
        try {
            profile = reader.read(file);
        } catch (InvalidProfileException e) {
            return file + ": not advised\n" + e.getMessage();
        }
        Advice advice = advisor.advise(profile);
        StringBuilder text = new StringBuilder(advice.profile()).append(':');
        for (Recommendation r : advice.recommendations()) {
            text.append(String.format("%n  %d. [%s %.2f] %s (%s)", r.rank(), r.kind(), r.score(), r.title(),
                    r.citations().get(0).source()));
        }
        return text.toString();
    }
}
