package io.github.dlcareer.advisor.authoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.dlcareer.advisor.Advice;
import io.github.dlcareer.advisor.InvalidProfileException;
import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.Profile;
import io.github.dlcareer.advisor.ProfileReader;
import io.github.dlcareer.advisor.Recommendation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Rule tests written by rule authors: YAML files that name a profile and what the advice for it must be.
 *
 * <pre>
 * description: No GPU at all, so the person is told to buy one.
 * profile: gpu-none            # examples/profiles/gpu-none.yaml, a path relative to this file, or a mapping
 * expect:
 *   within: 3                  # how many ranks 'top' means (default 5)
 *   top: [buy-a-gpu]           # each within the first 'within' recommendations
 *   present: [buy-a-gpu]       # given, at any rank
 *   absent: [lab-needs-hardware]
 *   above: [[buy-a-gpu, find-your-stream]]   # the first ranked above the second (or the second absent)
 *   kinds: {buy-a-gpu: ADVICE}
 *   plan: [plan-start-small, plan-fast-ai]   # the staged plan starts with these, in this order
 *   conflicts: [classical-ml-first]          # conflicts shown
 *   questions: [hardware-gpu]                # questions asked (by id or by field)
 *   noQuestions: [advisor-facts]             # questions not asked
 * </pre>
 */
public final class Scenarios {

    /** One scenario; {@code problem} is set when it could not be read (then {@code profile} is null). */
    public record Scenario(String name, Path file, String description, Profile profile, JsonNode expect,
                           Problem problem) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** The folder of example profiles, beside the scenarios' folder. */
    private static final String PROFILES = "profiles";
    private static final List<String> EXPECTATIONS = List.of("within", "top", "present", "absent", "above",
            "kinds", "plan", "conflicts", "questions", "noQuestions");

    private Scenarios() {
    }

    /** Every {@code *.yaml} scenario in a folder, by file name. */
    public static List<Scenario> read(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Scenarios::isYaml).sorted().map(Scenarios::readOne).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the scenarios in " + folder, e);
        }
    }

    /**
     * The example profiles that have no scenario: each profile in the {@code profiles} folder beside the scenarios'
     * folder ({@code examples/profiles} for {@code examples/scenarios}) needs a scenario of its name, which pins down
     * what the rules tell that person. One problem per profile without, at its file; none when there is no such
     * folder. {@code advisor rules test} and the build's tests both fail on any.
     */
    public static List<Problem> profilesWithoutScenario(Path scenarios) {
        Path profiles = scenarios.resolve("..").resolve(PROFILES).normalize();
        if (!Files.isDirectory(profiles)) {
            return List.of();
        }
        List<String> named;
        try (Stream<Path> files = Files.list(scenarios)) {
            named = files.filter(Scenarios::isYaml).map(Scenarios::baseName).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the scenarios in " + scenarios, e);
        }
        try (Stream<Path> files = Files.list(profiles)) {
            return files.filter(f -> isYaml(f) || f.toString().endsWith(".json")).sorted()
                    .filter(f -> !named.contains(baseName(f)))
                    .map(f -> Problem.error(f.toString(), 0, 0, null, "has no scenario: every example profile needs"
                            + " one, " + scenarios.resolve(baseName(f) + ".yaml") + ", saying what its advice must be"
                            + " (rules/README.md, step 4)"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the profiles in " + profiles, e);
        }
    }

    private static boolean isYaml(Path file) {
        return file.toString().endsWith(".yaml") || file.toString().endsWith(".yml");
    }

    /** A file's name without its extension. */
    private static String baseName(Path file) {
        return file.getFileName().toString().replaceFirst("\\.\\w+$", "");
    }

    static Scenario readOne(Path file) {
        String name = baseName(file);
        try {
            JsonNode root = YAML.readTree(file.toFile());
            if (root == null || !root.isObject()) {
                return broken(name, file, "expected a mapping with 'profile' and 'expect'");
            }
            JsonNode expect = root.path("expect");
            if (!expect.isObject()) {
                return broken(name, file, "missing 'expect': what the advice must be");
            }
            for (var fields = expect.fieldNames(); fields.hasNext(); ) {
                String field = fields.next();
                if (!EXPECTATIONS.contains(field)) {
                    return broken(name, file, "unknown expectation '" + field + "'; known: " + EXPECTATIONS);
                }
            }
            JsonNode profile = root.get("profile");
            if (profile == null || !(profile.isObject() || profile.isTextual())) {
                return broken(name, file, "missing 'profile': name a profile file or write one inline");
            }
            Optional<Path> profileFile = profile.isObject() ? Optional.empty() : find(file, profile.asText());
            if (profile.isTextual() && profileFile.isEmpty()) {
                return broken(name, file, "no profile '" + profile.asText()
                        + "' next to the scenario or in examples/profiles");
            }
            ProfileReader reader = ProfileReader.create().strict(true);
            Profile person = profileFile.isPresent() ? reader.read(profileFile.get())
                    : reader.parse(YAML.writeValueAsString(profile), file + "#profile.yaml");
            return new Scenario(name, file, root.path("description").asText(""), person, expect, null);
        } catch (InvalidProfileException e) {
            return broken(name, file, "its profile is not valid: " + e.problems());
        } catch (JsonProcessingException e) {
            return broken(name, file, "broken YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            return broken(name, file, "cannot be read: " + e.getMessage());
        }
    }

    private static Scenario broken(String name, Path file, String message) {
        return new Scenario(name, file, "", null, null, Problem.error(file.toString(), 0, 0, null, message));
    }

    /** A profile named by a scenario: a path relative to it, or a name in the profiles folder beside it. */
    private static Optional<Path> find(Path scenario, String reference) {
        Path folder = scenario.toAbsolutePath().getParent();
        return Stream.of(folder.resolve(reference), folder.resolve("../profiles/" + reference + ".yaml"),
                        folder.resolve("../profiles/" + reference + ".json"))
                .filter(Files::isRegularFile)
                .map(p -> Path.of("").toAbsolutePath().relativize(p.normalize()))
                .findFirst();
    }

    /** What is wrong with the advice for a scenario, one readable line per failed expectation. */
    public static List<String> check(Scenario scenario, Advice advice) {
        JsonNode expect = scenario.expect();
        List<String> failures = new ArrayList<>();
        List<String> ranked = advice.recommendations().stream().map(Recommendation::id).toList();
        int within = expect.path("within").asInt(5);
        for (String id : strings(expect.path("top"))) {
            int rank = ranked.indexOf(id) + 1;
            if (rank == 0 || rank > within) {
                failures.add(id + ": expected within the top " + within + ", " + where(rank)
                        + "; the top " + within + ": " + ranked.subList(0, Math.min(within, ranked.size())));
            }
        }
        for (String id : strings(expect.path("present"))) {
            if (!ranked.contains(id)) {
                failures.add(id + ": expected among the advice, but it was not given; given: " + ranked);
            }
        }
        for (String id : strings(expect.path("absent"))) {
            if (ranked.contains(id)) {
                failures.add(id + ": expected absent, but it was given at rank " + (ranked.indexOf(id) + 1));
            }
        }
        for (JsonNode pair : expect.path("above")) {
            List<String> ids = strings(pair);
            if (ids.size() != 2) {
                failures.add("above: each entry is a pair [higher, lower], not " + pair);
                continue;
            }
            int higher = ranked.indexOf(ids.get(0));
            int lower = ranked.indexOf(ids.get(1));
            if (higher < 0 || (lower >= 0 && lower < higher)) {
                failures.add(ids.get(0) + ": expected above " + ids.get(1) + ", but " + ids.get(0) + " "
                        + where(higher + 1) + " and " + ids.get(1) + " " + where(lower + 1));
            }
        }
        for (Map.Entry<String, String> kind : kinds(expect.path("kinds")).entrySet()) {
            Optional<Recommendation> given = advice.recommendation(kind.getKey());
            String actual = given.map(r -> r.kind().name()).orElse("not given");
            if (!actual.equals(kind.getValue().toUpperCase(Locale.ROOT))) {
                failures.add(kind.getKey() + ": expected kind " + kind.getValue() + ", got " + actual);
            }
        }
        List<String> plan = strings(expect.path("plan"));
        if (!plan.isEmpty() && !advice.plan().subList(0, Math.min(plan.size(), advice.plan().size())).equals(plan)) {
            failures.add("plan: expected to start with " + plan + ", got " + advice.plan());
        }
        List<String> conflicts = advice.conflicts().stream().map(Advice.Conflict::id).toList();
        for (String id : strings(expect.path("conflicts"))) {
            if (!conflicts.contains(id)) {
                failures.add("conflict " + id + ": expected to be shown; shown: " + conflicts);
            }
        }
        List<String> asked = new ArrayList<>();
        advice.questions().forEach(q -> {
            asked.add(q.id());
            asked.add(q.field());
        });
        for (String id : strings(expect.path("questions"))) {
            if (!asked.contains(id)) {
                failures.add("question " + id + ": expected to be asked; asked: "
                        + advice.questions().stream().map(Advice.Question::id).toList());
            }
        }
        for (String id : strings(expect.path("noQuestions"))) {
            if (asked.contains(id)) {
                failures.add("question " + id + ": expected not to be asked, but it was");
            }
        }
        return failures;
    }

    private static String where(int rank) {
        return rank <= 0 ? "was not given" : "is ranked " + rank;
    }

    private static List<String> strings(JsonNode node) {
        List<String> strings = new ArrayList<>();
        node.forEach(n -> strings.add(n.asText()));
        return strings;
    }

    private static Map<String, String> kinds(JsonNode node) {
        Map<String, String> kinds = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> kinds.put(e.getKey(), e.getValue().asText()));
        return kinds;
    }
}
