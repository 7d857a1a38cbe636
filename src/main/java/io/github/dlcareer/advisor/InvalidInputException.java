package io.github.dlcareer.advisor;

import java.util.List;

/**
 * Batch input that cannot be read at all: a mapping file with mistakes, a CSV header that lacks a mapped
 * column. (A bad record inside readable input is not an exception: it becomes a rejected {@link BatchRecord}.)
 */
public final class InvalidInputException extends AdvisorException {

    public InvalidInputException(List<Problem> problems) {
        super("the input cannot be read:", problems);
    }
}
