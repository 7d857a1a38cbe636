package io.github.dlcareer.advisor.internal;

import io.github.dlcareer.advisor.InvalidProfileException;
import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.Profile;

import java.io.IOException;
import java.util.List;

/**
 * A stream of input records for a batch. Reading is split in two so that the expensive half runs in
 * parallel: {@link #next} cuts the input into raw records on one thread, {@link #profile} turns a raw record
 * into a validated profile on any worker thread.
 */
public interface RecordSource {

    /** A record as cut from the input: its line and what the source needs to make a profile of it. */
    record Raw(long line, Object payload) {
    }

    /** The input's name, for problems. */
    String name();

    /** Up to {@code max} raw records; an empty list at the end of the input. Called from one thread. */
    List<Raw> next(int max) throws IOException;

    /**
     * The profile of a raw record; warnings are added to {@code warnings}. Thread-safe.
     *
     * @throws InvalidProfileException with the record's problems, located at its line
     */
    Profile profile(Raw raw, boolean strict, List<Problem> warnings);

    /** The id of a record's profile if it can be seen without reading it whole (for rejected records), or null. */
    String idOf(Raw raw);
}
