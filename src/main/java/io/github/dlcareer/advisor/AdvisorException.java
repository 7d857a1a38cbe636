package io.github.dlcareer.advisor;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input the advisor cannot use, with every problem found in it (not just the first).
 * The message lists them, one per line, each saying where.
 */
public abstract class AdvisorException extends RuntimeException {

    private final transient List<Problem> problems;

    AdvisorException(String summary, List<Problem> problems) {
        super(summary + problems.stream().map(p -> "\n  " + p).collect(Collectors.joining()));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, errors and warnings, in the order they were found. */
    public List<Problem> problems() {
        return problems;
    }
}
