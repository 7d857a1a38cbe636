package io.github.dlcareer.advisor;

import io.github.dlcareer.advisor.internal.BatchPipeline;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Advises every profile of a {@link BatchInput}: streaming (memory stays bounded however long the input),
 * in parallel, and in input order. Every record yields exactly one {@link BatchRecord}: advice, or the
 * problems that rejected it; a bad record never stops the batch.
 *
 * <pre>{@code
 * Batch.Counts counts = Batch.of(advisor).threads(4)
 *         .run(BatchInput.json(reader, "cohort.jsonl"), record -> store(record));
 * }</pre>
 */
public final class Batch {

    /**
     * What a batch did: {@code read == advised + rejected}.
     *
     * @param read     records read
     * @param advised  records advised
     * @param rejected records rejected (unreadable or invalid)
     */
    public record Counts(long read, long advised, long rejected) {
    }

    private final Advisor advisor;
    private final int threads;
    private final boolean strict;

    private Batch(Advisor advisor, int threads, boolean strict) {
        this.advisor = advisor;
        this.threads = threads;
        this.strict = strict;
    }

    /** A batch on this advisor, using every core, lenient about unknown profile fields. */
    public static Batch of(Advisor advisor) {
        return new Batch(Objects.requireNonNull(advisor, "advisor"), Runtime.getRuntime().availableProcessors(), false);
    }

    /** How many worker threads advise (at least 1). */
    public Batch threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        return new Batch(advisor, threads, strict);
    }

    /** Whether an unknown profile field rejects the record ({@code true}) or is only a warning. */
    public Batch strict(boolean strict) {
        return new Batch(advisor, threads, strict);
    }

    /** Advises every record, handing each result to {@code sink} in input order, on the calling thread. */
    public Counts run(BatchInput input, Consumer<BatchRecord> sink) {
        return run(input, Function.identity(), sink);
    }

    /**
     * Advises every record and applies {@code work} to each result on the worker threads (to format output
     * in parallel, say), then hands what it returns to {@code sink} in input order, on the calling thread.
     *
     * @throws java.io.UncheckedIOException when the input cannot be read any further
     */
    public <T> Counts run(BatchInput input, Function<BatchRecord, T> work, Consumer<T> sink) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(sink, "sink");
        return BatchPipeline.run(input.source(), advisor::advise, strict, threads, work, sink);
    }
}
