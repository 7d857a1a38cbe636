package io.github.dlcareer.advisor.internal.profile;

import io.github.dlcareer.advisor.Profile;
import io.github.dlcareer.advisor.Profile.*;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The profile format (the README's "The profile") as data: every leaf path with its kind of value and how to read it off a
 * {@link Profile}. The reader validates against it, the engine uses it to say which facts triggered a rule,
 * and a profile is rebuilt from a map of path to value with {@link #build}.
 */
public final class ProfileSchema {

    /** What a leaf holds, and the range that is valid. */
    public enum Kind {
        TEXT("a text"),
        BOOLEAN("true or false"),
        SKILL("a whole number from 0 (none) to 5 (expert)"),
        COUNT("a whole number, 0 or more"),
        RANK("a whole number, 1 or more"),
        RATIO("a whole number from 0 to 100"),
        COUNTRY("an ISO 3166-1 alpha-2 country code such as IN, US or FR"),
        WORDS("a list of words such as [vision, bio]"),
        ENUM("one of");

        final String expected;

        Kind(String expected) {
            this.expected = expected;
        }
    }

    /** One leaf of the format, {@code index} its place in the format. {@code values} is set for enums. */
    public record Leaf(int index, String path, Kind kind, Class<? extends Enum<?>> values,
                       Function<Profile, Object> getter) {

        /** What a valid value looks like, for error messages. */
        public String expected() {
            if (kind != Kind.ENUM) {
                return kind.expected;
            }
            return "one of " + Arrays.stream(values.getEnumConstants()).map(Enum::name)
                    .collect(Collectors.joining(", "));
        }
    }

    /**
     * The longest text value (an id, an industry), in characters. An id names a person within a batch and an
     * industry is a few words; 200 is room for any real one, and keeps a pasted document out of every "Why"
     * that echoes the value.
     */
    public static final int MAX_TEXT_LENGTH = 200;

    /**
     * The longest word of a list (a domain, a course, a framework), in characters: the longest real course
     * names ("Deep Learning Specialization by deeplearning.ai on Coursera") are under 70.
     */
    public static final int MAX_WORD_LENGTH = 100;

    /**
     * The most words a list holds. A person follows a handful of domains and frameworks and has taken at most
     * a few dozen courses; the rest of a longer list is an error and is skipped, not held.
     */
    public static final int MAX_WORDS = 100;

    private static final Map<String, Leaf> LEAVES = new LinkedHashMap<>();
    private static final Set<String> SECTIONS = Set.of("location", "education", "job", "skills", "traits",
            "interests", "interests.roles", "experience", "experience.kaggle", "hardware", "plans",
            "plans.studyAbroad", "plans.workAbroad", "advisor", "employer");
    static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    static {
        leaf("id", Kind.TEXT, Profile::id);
        leaf("location.country", Kind.COUNTRY, p -> p.location().country());
        leaf("education.level", EducationLevel.class, p -> p.education().level());
        leaf("education.field", Field.class, p -> p.education().field());
        leaf("education.enrolled", Kind.BOOLEAN, p -> p.education().enrolled());
        leaf("education.finalYear", Kind.BOOLEAN, p -> p.education().finalYear());
        leaf("job.status", JobStatus.class, p -> p.job().status());
        leaf("job.industry", Kind.TEXT, p -> p.job().industry());
        leaf("job.involvesDeepLearning", Kind.BOOLEAN, p -> p.job().involvesDeepLearning());
        leaf("job.consideringQuitting", Kind.BOOLEAN, p -> p.job().consideringQuitting());
        leaf("skills.math", Kind.SKILL, p -> p.skills().math());
        leaf("skills.programming", Kind.SKILL, p -> p.skills().programming());
        leaf("skills.english", Kind.SKILL, p -> p.skills().english());
        leaf("skills.writing", Kind.SKILL, p -> p.skills().writing());
        leaf("skills.communication", Kind.SKILL, p -> p.skills().communication());
        leaf("skills.deepLearning", Kind.SKILL, p -> p.skills().deepLearning());
        leaf("skills.highPerformanceComputing", Kind.SKILL, p -> p.skills().highPerformanceComputing());
        leaf("skills.bigData", Kind.SKILL, p -> p.skills().bigData());
        leaf("traits.mathPassion", Kind.BOOLEAN, p -> p.traits().mathPassion());
        leaf("traits.perseverance", Kind.BOOLEAN, p -> p.traits().perseverance());
        leaf("traits.curiosity", Kind.BOOLEAN, p -> p.traits().curiosity());
        leaf("traits.structuredThinking", Kind.BOOLEAN, p -> p.traits().structuredThinking());
        leaf("traits.studiesAlone", Kind.BOOLEAN, p -> p.traits().studiesAlone());
        leaf("traits.overwhelmedByPapers", Kind.BOOLEAN, p -> p.traits().overwhelmedByPapers());
        leaf("interests.focus", Focus.class, p -> p.interests().focus());
        leaf("interests.domains", Kind.WORDS, p -> p.interests().domains());
        leaf("interests.roles.researcher", Kind.RATIO, p -> p.interests().roles().researcher());
        leaf("interests.roles.applied", Kind.RATIO, p -> p.interests().roles().applied());
        leaf("interests.roles.engineer", Kind.RATIO, p -> p.interests().roles().engineer());
        leaf("interests.roles.domainExpert", Kind.RATIO, p -> p.interests().roles().domainExpert());
        leaf("experience.courses", Kind.WORDS, p -> p.experience().courses());
        leaf("experience.frameworks", Kind.WORDS, p -> p.experience().frameworks());
        leaf("experience.kaggle.competitions", Kind.COUNT, p -> p.experience().kaggle().competitions());
        leaf("experience.kaggle.bestRank", Kind.RANK, p -> p.experience().kaggle().bestRank());
        leaf("experience.githubProjects", Kind.COUNT, p -> p.experience().githubProjects());
        leaf("experience.papers", Kind.COUNT, p -> p.experience().papers());
        leaf("experience.internships", Kind.COUNT, p -> p.experience().internships());
        leaf("experience.hackathons", Kind.COUNT, p -> p.experience().hackathons());
        leaf("hardware.gpu", Gpu.class, p -> p.hardware().gpu());
        leaf("plans.goal", Goal.class, p -> p.plans().goal());
        leaf("plans.studyAbroad.country", Kind.COUNTRY, p -> p.plans().studyAbroad().country());
        leaf("plans.studyAbroad.topTier", Kind.BOOLEAN, p -> p.plans().studyAbroad().topTier());
        leaf("plans.workAbroad.country", Kind.COUNTRY, p -> p.plans().workAbroad().country());
        leaf("plans.workAbroad.nearSiliconValley", Kind.BOOLEAN, p -> p.plans().workAbroad().nearSiliconValley());
        leaf("plans.learnClassicalMlFirst", Kind.BOOLEAN, p -> p.plans().learnClassicalMlFirst());
        leaf("advisor.encouragesFuturisticResearch", Kind.BOOLEAN, p -> p.advisor().encouragesFuturisticResearch());
        leaf("advisor.encouragesExternalCollaboration", Kind.BOOLEAN,
                p -> p.advisor().encouragesExternalCollaboration());
        leaf("advisor.allowsInternships", Kind.BOOLEAN, p -> p.advisor().allowsInternships());
        leaf("advisor.freeInteraction", Kind.BOOLEAN, p -> p.advisor().freeInteraction());
        leaf("advisor.labHasHardware", Kind.BOOLEAN, p -> p.advisor().labHasHardware());
        leaf("advisor.publishesAtTopVenues", Kind.BOOLEAN, p -> p.advisor().publishesAtTopVenues());
        leaf("employer.bossBelievesDlSolvesEverything", Kind.BOOLEAN,
                p -> p.employer().bossBelievesDlSolvesEverything());
        leaf("employer.collaboratesWithDomainExperts", Kind.BOOLEAN,
                p -> p.employer().collaboratesWithDomainExperts());
        leaf("employer.hasLabelledDataPartners", Kind.BOOLEAN, p -> p.employer().hasLabelledDataPartners());
        leaf("employer.collaboratesWithAcademia", Kind.BOOLEAN, p -> p.employer().collaboratesWithAcademia());
        leaf("employer.shipsProducts", Kind.BOOLEAN, p -> p.employer().shipsProducts());
    }

    private ProfileSchema() {
    }

    private static void leaf(String path, Kind kind, Function<Profile, Object> getter) {
        LEAVES.put(path, new Leaf(LEAVES.size(), path, kind, null, getter));
    }

    private static void leaf(String path, Class<? extends Enum<?>> values, Function<Profile, Object> getter) {
        LEAVES.put(path, new Leaf(LEAVES.size(), path, Kind.ENUM, values, getter));
    }

    /** The leaf at this path, or null. */
    public static Leaf leaf(String path) {
        return LEAVES.get(path);
    }

    /** How many leaves the format has. */
    public static int size() {
        return LEAVES.size();
    }

    /** Every leaf, in the order of the README's "The profile". */
    public static List<Leaf> leaves() {
        return List.copyOf(LEAVES.values());
    }

    public static boolean isSection(String path) {
        return SECTIONS.contains(path);
    }

    /** "; did you mean a or b?" for a mistyped path, or an empty text when nothing is close. */
    public static String didYouMean(String path) {
        List<String> similar = similarPaths(path);
        return similar.isEmpty() ? "" : "; did you mean " + String.join(" or ", similar) + "?";
    }

    /** The known paths closest to a mistyped one, for "did you mean" hints. */
    public static List<String> similarPaths(String path) {
        String last = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return LEAVES.keySet().stream()
                .filter(p -> {
                    String name = p.substring(p.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
                    return name.equals(last) || editDistance(name, last) <= 2;
                })
                .limit(3)
                .toList();
    }

    /** A profile from validated leaf values keyed by path; absent keys are unknown. */
    public static Profile build(Map<String, Object> v) {
        return new Profile(
                (String) v.get("id"),
                new Location((String) v.get("location.country")),
                new Education((EducationLevel) v.get("education.level"), (Field) v.get("education.field"),
                        (Boolean) v.get("education.enrolled"), (Boolean) v.get("education.finalYear")),
                new Job((JobStatus) v.get("job.status"), (String) v.get("job.industry"),
                        (Boolean) v.get("job.involvesDeepLearning"), (Boolean) v.get("job.consideringQuitting")),
                new Skills(integer(v, "skills.math"), integer(v, "skills.programming"), integer(v, "skills.english"),
                        integer(v, "skills.writing"), integer(v, "skills.communication"),
                        integer(v, "skills.deepLearning"), integer(v, "skills.highPerformanceComputing"),
                        integer(v, "skills.bigData")),
                new Traits((Boolean) v.get("traits.mathPassion"), (Boolean) v.get("traits.perseverance"),
                        (Boolean) v.get("traits.curiosity"), (Boolean) v.get("traits.structuredThinking"),
                        (Boolean) v.get("traits.studiesAlone"), (Boolean) v.get("traits.overwhelmedByPapers")),
                new Interests((Focus) v.get("interests.focus"), words(v, "interests.domains"),
                        new Roles(integer(v, "interests.roles.researcher"), integer(v, "interests.roles.applied"),
                                integer(v, "interests.roles.engineer"), integer(v, "interests.roles.domainExpert"))),
                new Experience(words(v, "experience.courses"), words(v, "experience.frameworks"),
                        new Kaggle(integer(v, "experience.kaggle.competitions"),
                                integer(v, "experience.kaggle.bestRank")),
                        integer(v, "experience.githubProjects"), integer(v, "experience.papers"),
                        integer(v, "experience.internships"), integer(v, "experience.hackathons")),
                new Hardware((Gpu) v.get("hardware.gpu")),
                new Plans((Goal) v.get("plans.goal"),
                        new StudyAbroad((String) v.get("plans.studyAbroad.country"),
                                (Boolean) v.get("plans.studyAbroad.topTier")),
                        new WorkAbroad((String) v.get("plans.workAbroad.country"),
                                (Boolean) v.get("plans.workAbroad.nearSiliconValley")),
                        (Boolean) v.get("plans.learnClassicalMlFirst")),
                new Supervisor((Boolean) v.get("advisor.encouragesFuturisticResearch"),
                        (Boolean) v.get("advisor.encouragesExternalCollaboration"),
                        (Boolean) v.get("advisor.allowsInternships"), (Boolean) v.get("advisor.freeInteraction"),
                        (Boolean) v.get("advisor.labHasHardware"), (Boolean) v.get("advisor.publishesAtTopVenues")),
                new Employer((Boolean) v.get("employer.bossBelievesDlSolvesEverything"),
                        (Boolean) v.get("employer.collaboratesWithDomainExperts"),
                        (Boolean) v.get("employer.hasLabelledDataPartners"),
                        (Boolean) v.get("employer.collaboratesWithAcademia"),
                        (Boolean) v.get("employer.shipsProducts")));
    }

    /** Every known leaf of a profile, keyed by path, in the order of the README's "The profile". */
    public static Map<String, Object> values(Profile profile) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Leaf leaf : LEAVES.values()) {
            Object value = leaf.getter().apply(profile);
            if (value != null) {
                values.put(leaf.path(), value);
            }
        }
        return values;
    }

    private static Integer integer(Map<String, Object> v, String path) {
        return (Integer) v.get(path);
    }

    @SuppressWarnings("unchecked")
    private static List<String> words(Map<String, Object> v, String path) {
        return (List<String>) v.get(path);
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
