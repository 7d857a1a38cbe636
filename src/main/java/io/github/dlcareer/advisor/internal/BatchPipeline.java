package io.github.dlcareer.advisor.internal;

import io.github.dlcareer.advisor.Advice;
import io.github.dlcareer.advisor.Batch;
import io.github.dlcareer.advisor.BatchRecord;
import io.github.dlcareer.advisor.InvalidProfileException;
import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.Profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The batch pipeline: one thread cuts the input into chunks of raw records, worker threads turn each chunk
 * into results, and the calling thread hands them on in input order. The queue between them is bounded, so
 * memory holds a few chunks however long the input is.
 */
public final class BatchPipeline {

    /** Records per task: large enough that handing a chunk over costs little, small enough to keep order cheap. */
    static final int CHUNK = 256;

    private static final AtomicInteger RUNS = new AtomicInteger();

    private BatchPipeline() {
    }

    /** What a worker made of one chunk. */
    private record Done<T>(List<T> results, int advised, int rejected) {
    }

    public static <T> Batch.Counts run(RecordSource source, Function<Profile, Advice> advise, boolean strict,
                                       int threads, Function<BatchRecord, T> work, Consumer<T> sink) {
        int run = RUNS.incrementAndGet();
        AtomicInteger workerCount = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "advisor-batch-" + run + "-worker-" + workerCount.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        BlockingQueue<Future<Done<T>>> pending = new ArrayBlockingQueue<>(threads * 4);
        Future<Done<T>> end = CompletableFuture.completedFuture(null);
        Thread reader = new Thread(() -> {
            try {
                for (List<RecordSource.Raw> raws = source.next(CHUNK); !raws.isEmpty(); raws = source.next(CHUNK)) {
                    List<RecordSource.Raw> chunk = raws;
                    pending.put(workers.submit(() -> process(source, chunk, advise, strict, work)));
                }
                pending.put(end);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the consumer gave up: stop reading
            } catch (IOException | RuntimeException e) {
                try {
                    pending.put(CompletableFuture.failedFuture(e)); // after the chunks read so far
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
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the batch was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("a batch worker failed", cause);
        } finally {
            reader.interrupt();
            workers.shutdownNow();
        }
        return new Batch.Counts(advised + rejected, advised, rejected);
    }

    private static <T> Done<T> process(RecordSource source, List<RecordSource.Raw> raws,
                                       Function<Profile, Advice> advise, boolean strict,
                                       Function<BatchRecord, T> work) {
        List<T> results = new ArrayList<>(raws.size());
        int advised = 0;
        for (RecordSource.Raw raw : raws) {
            BatchRecord record = advise(source, raw, advise, strict);
            if (record.advised()) {
                advised++;
            }
            results.add(work.apply(record));
        }
        return new Done<>(results, advised, raws.size() - advised);
    }

    /** One record, whatever happens: advice, or the problems that rejected it. */
    private static BatchRecord advise(RecordSource source, RecordSource.Raw raw, Function<Profile, Advice> advise,
                                      boolean strict) {
        List<Problem> warnings = new ArrayList<>();
        Profile profile = null;
        try {
            profile = source.profile(raw, strict, warnings);
            return new BatchRecord(raw.line(), profile.id(), profile, advise.apply(profile), warnings);
        } catch (InvalidProfileException e) {
            String id = e.profileId() != null ? e.profileId() : source.idOf(raw);
            return new BatchRecord(raw.line(), id, null, null, e.problems());
        } catch (RuntimeException e) {
            String id = profile != null ? profile.id() : source.idOf(raw);
            return new BatchRecord(raw.line(), id, null, null, List.of(Problem.error(source.name(), (int) raw.line(), 0, null,
                    "could not be advised: " + e)));
        }
    }
}
