package io.github.dlcareer.advisor.internal.batch;

import io.github.dlcareer.advisor.Advice;
import io.github.dlcareer.advisor.AdvisorException;
import io.github.dlcareer.advisor.BatchRecord;
import io.github.dlcareer.advisor.InvalidProfileException;
import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.Profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The batch pipeline: one thread cuts the input into chunks of raw records, worker threads turn each chunk
 * into results, and the calling thread hands them on in input order. Memory is bounded twice: by records in
 * flight (a few thousand, whatever the threads) and by the bytes of input they hold.
 */
public final class BatchPipeline {

    /**
     * Records in flight across all chunks: enough to keep every worker busy (a chunk of 64 is a few ms of work on 2
     * threads), few enough to bound the output held. Their results live until written, so each young collection
     * copies them: at 2,048 a full JSON output held ~40 MB (50,000 generated profiles at -Xmx256m: 5.0 s of GC
     * pauses, 3.6 s at 512).
     */
    static final int RECORDS_IN_FLIGHT = 512;

    /** A chunk is closed once it holds this much input (plus at most one record). */
    static final int CHUNK_BYTES = 1 << 20;

    /** Input bytes held at once, waiting or being worked on. */
    static final int BYTES_IN_FLIGHT = 32 << 20;

    private static final AtomicInteger RUNS = new AtomicInteger();

    private BatchPipeline() {
    }

    /** What a worker made of one chunk, and the input bytes the chunk held. */
    private record Done<T>(List<T> results, int advised, int rejected, int bytes) {
    }

    /** What a run did with the records it read. */
    public record Tally(long advised, long rejected) {
    }

    /** Runs a batch that keeps no input column. */
    public static <T> Tally run(RecordSource source, Function<Profile, Advice> advise, boolean strict, int threads,
                                int maxRecordSize, Function<BatchRecord, T> work, Consumer<T> sink) {
        return run(source, null, advise, strict, threads, maxRecordSize, work, sink);
    }

    /**
     * Runs a batch. {@code keeper} gives the input columns each record passes through ({@link RecordSource#keeper}),
     * or is null when none are kept.
     */
    public static <T> Tally run(RecordSource source, Function<RecordSource.Raw, Map<String, String>> keeper,
                                Function<Profile, Advice> advise, boolean strict, int threads, int maxRecordSize,
                                Function<BatchRecord, T> work, Consumer<T> sink) {
        int run = RUNS.incrementAndGet();
        AtomicInteger workerCount = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "advisor-batch-" + run + "-worker-" + workerCount.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        int queued = threads * 4;
        int chunkRecords = Math.max(8, Math.min(256, RECORDS_IN_FLIGHT / queued));
        int chunkMax = CHUNK_BYTES + maxRecordSize;
        Semaphore budget = new Semaphore(Math.max(BYTES_IN_FLIGHT, 2 * chunkMax));
        BlockingQueue<Future<Done<T>>> pending = new ArrayBlockingQueue<>(queued);
        Future<Done<T>> end = CompletableFuture.completedFuture(null);
        Thread reader = new Thread(() -> {
            try {
                while (true) {
                    budget.acquire(chunkMax);
                    List<RecordSource.Raw> chunk = source.next(chunkRecords, CHUNK_BYTES, maxRecordSize);
                    int bytes = Math.min(chunkMax, chunk.stream().mapToInt(RecordSource.Raw::size).sum());
                    budget.release(chunkMax - bytes);
                    if (chunk.isEmpty()) {
                        break;
                    }
                    pending.put(workers.submit(() -> process(source, keeper, chunk, bytes, advise, strict, work)));
                }
                pending.put(end);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the consumer gave up: stop reading
            } catch (Throwable e) { // whatever it is, the consumer hears of it after the chunks read so far
                try {
                    pending.put(CompletableFuture.failedFuture(e));
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "advisor-batch-" + run + "-reader");
        reader.setDaemon(true);
        reader.start();
        long advised = 0;
        long rejected = 0;
        try {
            for (Future<Done<T>> next = pending.take(); next != end; next = pending.take()) {
                Done<T> done = next.get();
                done.results().forEach(sink);
                advised += done.advised();
                rejected += done.rejected();
                budget.release(done.bytes());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BatchStopped("the batch was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new BatchStopped(cause instanceof OutOfMemoryError
                    ? "the batch ran out of memory (" + cause.getMessage() + "); give the JVM more with -Xmx,"
                    + " or lower --threads or the record size limit"
                    : "a batch worker failed: " + cause);
        } finally {
            reader.interrupt();
            workers.shutdownNow();
        }
        return new Tally(advised, rejected);
    }

    /** The batch cannot go on: a worker or the reader failed in a way no record explains, or it was interrupted. */
    public static final class BatchStopped extends IllegalStateException {
        BatchStopped(String message) {
            super(message);
        }
    }

    private static <T> Done<T> process(RecordSource source, Function<RecordSource.Raw, Map<String, String>> keeper,
                                       List<RecordSource.Raw> raws, int bytes, Function<Profile, Advice> advise,
                                       boolean strict, Function<BatchRecord, T> work) {
        List<T> results = new ArrayList<>(raws.size());
        int advised = 0;
        for (RecordSource.Raw raw : raws) {
            BatchRecord record = advise(source, raw, advise, strict,
                    keeper == null ? Map.of() : keeper.apply(raw));
            if (record.advised()) {
                advised++;
            }
            results.add(work.apply(record));
        }
        return new Done<>(results, advised, raws.size() - advised, bytes);
    }

    /** One record, whatever happens: advice, or the problems that rejected it. */
    private static BatchRecord advise(RecordSource source, RecordSource.Raw raw, Function<Profile, Advice> advise,
                                      boolean strict, Map<String, String> kept) {
        if (raw.payload() instanceof RecordSource.Refused refused) { // could not even be cut into a record
            return new BatchRecord(raw.line(), refused.id(), null, null, List.of(refused.problem()), kept);
        }
        List<Problem> warnings = new ArrayList<>();
        Profile profile = null;
        try {
            profile = source.profile(raw, strict, warnings);
            return new BatchRecord(raw.line(), profile.id(), profile, advise.apply(profile), warnings, kept);
        } catch (InvalidProfileException e) {
            String id = e.profileId() != null ? e.profileId() : source.idOf(raw);
            return new BatchRecord(raw.line(), id, null, null, e.problems(), kept);
        } catch (AdvisorException e) { // the rules failed on this record, such as a rule that never stops firing
            return new BatchRecord(raw.line(), profile != null ? profile.id() : source.idOf(raw), null, null,
                    e.problems(), kept);
        } catch (RuntimeException | StackOverflowError e) {
            String id = profile != null ? profile.id() : source.idOf(raw);
            return new BatchRecord(raw.line(), id, null, null, List.of(Problem.error(source.name(), (int) raw.line(), 0, null,
                    "could not be advised: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()))),
                    kept);
        }
    }
}
