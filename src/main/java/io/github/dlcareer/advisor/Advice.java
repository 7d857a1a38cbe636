package io.github.dlcareer.advisor;


import java.util.List;
import java.util.Optional;

/**
 * Everything the advisor says to one person: ranked recommendations, the staged plan they form, the points
 * where the documents disagree, and the questions whose answers would change the advice.
 *
 * @param profile         the profile's id
 * @param recommendations ranked, strongest first
 * @param plan            the advice ids that are steps of a staged plan, in the order to take them
 * @param conflicts       where the documents disagree on something that concerns this person
 * @param questions       unknown facts that would change the advice, most important first
 */
public record Advice(String profile, List<Recommendation> recommendations, List<String> plan,
                     List<Conflict> conflicts, List<Question> questions) {

    public Advice {
        recommendations = List.copyOf(recommendations);
        plan = List.copyOf(plan);
        conflicts = List.copyOf(conflicts);
        questions = List.copyOf(questions);
    }

    /** The recommendation with this advice id, if it was given. */
    public Optional<Recommendation> recommendation(String id) {
        return recommendations.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The question with this id, if it was asked. */
    public Optional<Question> question(String id) {
        return questions.stream().filter(q -> q.id().equals(id)).findFirst();
    }

    /**
     * Documents that disagree on a point that concerns the person: every side is shown, each cited, whether
     * or not the rules gave its advice.
     *
     * @param id    the conflict's id
     * @param title what the documents disagree on
     * @param sides the positions, each with the advice that stands for it
     */
    public record Conflict(String id, String title, List<Side> sides) {
        public Conflict {
            sides = List.copyOf(sides);
        }
    }

    /**
     * One position in a conflict.
     *
     * @param advice    the advice id that stands for it
     * @param position  the position, in the project's words
     * @param given     whether this person was given that advice
     * @param citations the passages the position rests on
     */
    public record Side(String advice, String position, boolean given, List<Citation> citations) {
        public Side {
            citations = List.copyOf(citations);
        }
    }

    /**
     * Something unknown about the person that would change the advice.
     *
     * @param id      the question's id in {@code rules/questions.yaml}
     * @param field   the profile path to fill in, e.g. {@code hardware.gpu}, or a section such as {@code advisor}
     * @param text    the question, in plain words
     * @param affects the advice ids that depend on the answer
     */
    public record Question(String id, String field, String text, List<String> affects) {
        public Question {
            affects = List.copyOf(affects);
        }
    }
}
