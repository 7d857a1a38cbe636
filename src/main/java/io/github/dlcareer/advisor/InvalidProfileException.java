package io.github.dlcareer.advisor;

import java.util.List;

/** A profile that cannot be read: broken syntax, a wrong type, a value out of range, a missing id. */
public final class InvalidProfileException extends AdvisorException {

    private final String profileId;

    public InvalidProfileException(List<Problem> problems) {
        this(problems, null);
    }

    /** With the id of the profile, when it could be read despite the problems. */
    public InvalidProfileException(List<Problem> problems, String profileId) {
        super("invalid profile" + (profileId == null ? "" : " " + profileId) + ":", problems);
        this.profileId = profileId;
    }

    /** The profile's id, when it could be read; else null. */
    public String profileId() {
        return profileId;
    }
}
