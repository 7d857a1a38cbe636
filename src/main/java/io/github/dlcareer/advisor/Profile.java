package io.github.dlcareer.advisor;

import java.util.List;
import java.util.Objects;

/**
 * One person, as described in the README's "The profile": the single fact the rules reason about.
 *
 * <p>Every section is present (never {@code null}); every leaf value may be {@code null}, which means
 * <em>unknown</em> — not {@code false} or {@code 0}. Rules therefore fire only on what the person said.
 * Lists are {@code null} when unknown and unmodifiable otherwise. Read profiles with {@link ProfileReader}.
 *
 * <p>Rules see this record directly, by the same paths as the file format:
 * {@code Profile( hardware.gpu == Gpu.NONE )}.
 *
 * <p>These records are the format's one definition: its paths, order and kinds of value are read off their
 * components, so a field is added by adding a component. A whole number is a skill (0 to 5) in {@link Skills},
 * a ratio (0 to 100) in {@link Roles}, a rank (1 or more) when its name ends in {@code Rank}, else a count (0 or
 * more); a text named {@code country} is a country code. {@link ProfileFields} lists the fields.
 */
public record Profile(
        String id,
        Location location,
        Education education,
        Job job,
        Skills skills,
        Traits traits,
        Interests interests,
        Experience experience,
        Hardware hardware,
        Plans plans,
        Supervisor advisor,
        Employer employer) {

    public Profile {
        Objects.requireNonNull(id, "id");
        location = orEmpty(location, Location.UNKNOWN);
        education = orEmpty(education, Education.UNKNOWN);
        job = orEmpty(job, Job.UNKNOWN);
        skills = orEmpty(skills, Skills.UNKNOWN);
        traits = orEmpty(traits, Traits.UNKNOWN);
        interests = orEmpty(interests, Interests.UNKNOWN);
        experience = orEmpty(experience, Experience.UNKNOWN);
        hardware = orEmpty(hardware, Hardware.UNKNOWN);
        plans = orEmpty(plans, Plans.UNKNOWN);
        advisor = orEmpty(advisor, Supervisor.UNKNOWN);
        employer = orEmpty(employer, Employer.UNKNOWN);
    }

    /** A profile that knows nothing but the person's id. */
    public static Profile unknown(String id) {
        return new Profile(id, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static <T> T orEmpty(T value, T empty) {
        return value == null ? empty : value;
    }

    private static List<String> copy(List<String> list) {
        return list == null ? null : List.copyOf(list);
    }

    /** Where the person lives now: an ISO 3166-1 alpha-2 code in upper case. */
    public record Location(String country) {
        static final Location UNKNOWN = new Location(null);
    }

    /** The highest education reached or in progress. */
    public record Education(EducationLevel level, Field field, Boolean enrolled, Boolean finalYear) {
        static final Education UNKNOWN = new Education(null, null, null, null);
    }

    public record Job(JobStatus status, String industry, Boolean involvesDeepLearning, Boolean consideringQuitting) {
        static final Job UNKNOWN = new Job(null, null, null, null);
    }

    /** Self-assessed skills, each 0 (none) to 5 (expert). */
    public record Skills(Integer math, Integer programming, Integer english, Integer writing,
                         Integer communication, Integer deepLearning, Integer highPerformanceComputing,
                         Integer bigData) {
        static final Skills UNKNOWN = new Skills(null, null, null, null, null, null, null, null);
    }

    public record Traits(Boolean mathPassion, Boolean perseverance, Boolean curiosity, Boolean structuredThinking,
                         Boolean studiesAlone, Boolean overwhelmedByPapers) {
        static final Traits UNKNOWN = new Traits(null, null, null, null, null, null);
    }

    /** What draws the person: theory or application, domains, and the R:A:E:D preference ratio. */
    public record Interests(Focus focus, List<String> domains, Roles roles) {
        static final Interests UNKNOWN = new Interests(null, null, null);

        public Interests {
            domains = copy(domains);
            roles = orEmpty(roles, Roles.UNKNOWN);
        }
    }

    /** Preference for the researcher, applied-researcher, engineer and domain-expert roles. */
    public record Roles(Integer researcher, Integer applied, Integer engineer, Integer domainExpert) {
        static final Roles UNKNOWN = new Roles(null, null, null, null);
    }

    public record Experience(List<String> courses, List<String> frameworks, Kaggle kaggle, Integer githubProjects,
                             Integer papers, Integer internships, Integer hackathons) {
        static final Experience UNKNOWN = new Experience(null, null, null, null, null, null, null);

        public Experience {
            courses = copy(courses);
            frameworks = copy(frameworks);
            kaggle = orEmpty(kaggle, Kaggle.UNKNOWN);
        }
    }

    public record Kaggle(Integer competitions, Integer bestRank) {
        static final Kaggle UNKNOWN = new Kaggle(null, null);
    }

    public record Hardware(Gpu gpu) {
        static final Hardware UNKNOWN = new Hardware(null);
    }

    public record Plans(Goal goal, StudyAbroad studyAbroad, WorkAbroad workAbroad, Boolean learnClassicalMlFirst) {
        static final Plans UNKNOWN = new Plans(null, null, null, null);

        public Plans {
            studyAbroad = orEmpty(studyAbroad, StudyAbroad.UNKNOWN);
            workAbroad = orEmpty(workAbroad, WorkAbroad.UNKNOWN);
        }
    }

    public record StudyAbroad(String country, Boolean topTier) {
        static final StudyAbroad UNKNOWN = new StudyAbroad(null, null);
    }

    public record WorkAbroad(String country, Boolean nearSiliconValley) {
        static final WorkAbroad UNKNOWN = new WorkAbroad(null, null);
    }

    /** The PhD or MS advisor (or lab) the person is weighing; the file calls this section {@code advisor}. */
    public record Supervisor(Boolean encouragesFuturisticResearch, Boolean encouragesExternalCollaboration,
                             Boolean allowsInternships, Boolean freeInteraction, Boolean labHasHardware,
                             Boolean publishesAtTopVenues) {
        static final Supervisor UNKNOWN = new Supervisor(null, null, null, null, null, null);
    }

    /** The employer being considered, or the current one. */
    public record Employer(Boolean bossBelievesDlSolvesEverything, Boolean collaboratesWithDomainExperts,
                           Boolean hasLabelledDataPartners, Boolean collaboratesWithAcademia, Boolean shipsProducts) {
        static final Employer UNKNOWN = new Employer(null, null, null, null, null);
    }

    public enum EducationLevel { HIGH_SCHOOL, BACHELORS, MASTERS, PHD }

    public enum Field { COMPUTER_SCIENCE, ENGINEERING, MATHEMATICS, NATURAL_SCIENCE, BUSINESS, HUMANITIES, OTHER }

    public enum JobStatus { STUDENT, EMPLOYED, UNEMPLOYED }

    public enum Focus { THEORY, APPLICATION, UNDECIDED }

    public enum Gpu { NONE, CLOUD, OWN }

    public enum Goal { PHD, MASTERS, JOB, STARTUP_JOB, SELF_STUDY, UNDECIDED }
}
