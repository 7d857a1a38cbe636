package io.github.dlcareer.advisor.server;

import io.github.dlcareer.advisor.Problem;

import java.util.List;

/** A request the API refuses: the HTTP status and the problems to answer with. */
final class ApiException extends RuntimeException {

    private final int status;
    private final transient List<Problem> problems;

    ApiException(int status, List<Problem> problems) {
        super(problems.isEmpty() ? "status " + status : problems.get(0).message(), null, false, false);
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    /** A refusal with one problem about the request as a whole, or about {@code field} (null: none). */
    static ApiException of(int status, String field, String message) {
        return new ApiException(status, List.of(Problem.error("request", 0, 0, field, message)));
    }

    int status() {
        return status;
    }

    List<Problem> problems() {
        return problems;
    }
}
