package io.github.dlcareer.advisor;

import java.util.List;

/** A profile that cannot be read: broken syntax, a wrong type, a value out of range, a missing id. */
public final class InvalidProfileException extends AdvisorException {

    public InvalidProfileException(List<Problem> problems) {
        super("invalid profile:", problems);
    }
}
