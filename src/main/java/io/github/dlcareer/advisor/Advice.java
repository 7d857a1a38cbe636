package io.github.dlcareer.advisor;

import io.github.dlcareer.advisor.internal.AdviceJson;

import java.util.List;
import java.util.Optional;

/**
 * Everything the advisor says to one person: ranked recommendations, the points where the documents
 * disagree, and the questions whose answers would change the advice.
 *
 * @param profile         the profile's id
 * @param recommendations ranked, strongest first
 * @param conflicts       where the documents disagree on something that concerns this person
 * @param questions       unknown facts that would change the advice, most important first
 */
public record Advice(String profile, List<Recommendation> recommendations, List<Conflict> conflicts,
                     List<Question> questions) {

    public Advice {
        recommendations = List.copyOf(recommendations);
        conflicts = List.copyOf(conflicts);
        questions = List.copyOf(questions);
    }

    /** The recommendation with this advice id, if it was given. */
    public Optional<Recommendation> recommendation(String id) {
        return recommendations.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The JSON form of the output contract (DESIGN.md), on one line. */
    public String toJson() {
        return AdviceJson.write(this);
    }

    /**
     * Documents that disagree on a point that concerns the person: every side is shown, each cited.
     *
     * @param id    the conflict's id
     * @param title what the documents disagree on
     * @param sides the recommendations on each side
     */
    public record Conflict(String id, String title, List<String> sides) {
        public Conflict {
            sides = List.copyOf(sides);
        }
    }

    /**
     * Something unknown about the person that would change the advice.
     *
     * @param field   the profile path to fill in, e.g. {@code hardware.gpu}
     * @param text    the question, in plain words
     * @param affects the advice ids that depend on the answer
     */
    public record Question(String field, String text, List<String> affects) {
        public Question {
            affects = List.copyOf(affects);
        }
    }
}
