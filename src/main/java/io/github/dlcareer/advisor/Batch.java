package io.github.dlcareer.advisor;

import io.github.dlcareer.advisor.internal.batch.BatchPipeline;
import io.github.dlcareer.advisor.internal.batch.Limits;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Advises every profile of a {@link BatchInput}: streaming (memory stays bounded however long the input),
 * in parallel, and in input order. Every record yields exactly one {@link BatchRecord}: advice, or the
 * problems that rejected it; a bad record never stops the batch.
 *
 * <p>Bounded on untrusted input: a record over {@link #maxRecordSize} bytes (1 MiB unless set) is rejected
 * without being held, at most {@value io.github.dlcareer.advisor.internal.batch.Limits#MAX_THREADS} workers run, and a
 * few thousand records and at most 32 MiB of input are in flight at once.
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

    /** The most worker threads a batch runs. */
    public static final int MAX_THREADS = Limits.MAX_THREADS;

    private final Advisor advisor;
    private final int threads;
    private final boolean strict;
    private final int maxRecordSize;

    private Batch(Advisor advisor, int threads, boolean strict, int maxRecordSize) {
        this.advisor = advisor;
        this.threads = threads;
        this.strict = strict;
        this.maxRecordSize = maxRecordSize;
    }

    /** A batch on this advisor, using every core (up to the maximum), lenient about unknown profile fields. */
    public static Batch of(Advisor advisor) {
        return new Batch(Objects.requireNonNull(advisor, "advisor"),
                Math.min(Runtime.getRuntime().availableProcessors(), MAX_THREADS), false, Limits.RECORD_SIZE);
    }

    /** How many worker threads advise: from 1 to {@value #MAX_THREADS}. */
    public Batch threads(int threads) {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads must be from 1 to " + MAX_THREADS + ", not " + threads);
        }
        return new Batch(advisor, threads, strict, maxRecordSize);
    }

    /** Whether an unknown profile field rejects the record ({@code true}) or is only a warning. */
    public Batch strict(boolean strict) {
        return new Batch(advisor, threads, strict, maxRecordSize);
    }

    /**
     * The largest record, in bytes, that is read (from 1 KiB to 256 MiB; 1 MiB unless set): a larger one gets an
     * error record and is skipped without being held in memory.
     */
    public Batch maxRecordSize(int bytes) {
        if (bytes < 1 << 10 || bytes > Limits.MAX_RECORD_SIZE) {
            throw new IllegalArgumentException("the record size limit must be from 1 KiB to 256 MiB, not " + bytes);
        }
        return new Batch(advisor, threads, strict, bytes);
    }

    /** Advises every record, handing each result to {@code sink} in input order, on the calling thread. */
    public Counts run(BatchInput input, Consumer<BatchRecord> sink) {
        return run(input, Function.identity(), sink);
    }

    /**
     * Advises every record and applies {@code work} to each result on the worker threads (to format output
     * in parallel, say), then hands what it returns to {@code sink} in input order, on the calling thread.
     *
     * <p>If {@code work} or {@code sink} throws, the batch stops and the exception is passed on; the records
     * handed to {@code sink} before it are whole.
     *
     * @throws java.io.UncheckedIOException when the input cannot be read any further
     * @throws IllegalStateException when the batch cannot go on (out of memory, a worker failed, interrupted)
     */
    public <T> Counts run(BatchInput input, Function<BatchRecord, T> work, Consumer<T> sink) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(sink, "sink");
        BatchPipeline.Tally tally = BatchPipeline.run(input.source(), input.keeper(), advisor::advise, strict, threads, maxRecordSize,
                work, sink);
        return new Counts(tally.advised() + tally.rejected(), tally.advised(), tally.rejected());
    }
}
