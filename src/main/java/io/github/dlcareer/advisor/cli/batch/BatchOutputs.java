package io.github.dlcareer.advisor.cli.batch;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files a batch writes. Every one is checked before any work (so that a typo costs nothing, and no file is
 * truncated while another cannot be written), opened only when the batch starts, and a failure to write is
 * named by the file's path, not blamed on the input.
 */
final class BatchOutputs {

    /** Writing an output failed: the batch stops, and this says which file. */
    static final class OutputFailure extends RuntimeException {
        OutputFailure(String path, IOException cause) {
            this(path, reason(cause));
        }

        OutputFailure(String path, String reason) {
            super(path + ": cannot be written: " + reason, null, false, false);
        }
    }

    private final Map<String, String> paths = new LinkedHashMap<>(); // option → path; "-" is standard output
    private final List<Path> created = new ArrayList<>();
    private final boolean tables;

    /**
     * The results go to {@code out} ("-" for standard output), unless they are {@code tables}: a database or a folder
     * of Parquet files, checked and written apart. Each of the others is optional (null).
     */
    BatchOutputs(String out, boolean tables, Path errors, Path summary, Path summaryHtml) {
        this.tables = tables;
        paths.put("--out", out);
        add("--errors", errors);
        add("--summary", summary);
        add("--summary-html", summaryHtml);
    }

    private void add(String option, Path path) {
        if (path != null) {
            paths.put(option, path.toString());
        }
    }

    /** Where the results go: a path, or "-" for standard output. */
    String out() {
        return paths.get("--out");
    }

    /** Where the error records go, or null when they go into the output. */
    String errors() {
        return paths.get("--errors");
    }

    /** Where the cohort summary goes as JSON, or null. */
    String summary() {
        return paths.get("--summary");
    }

    /** Where the cohort summary goes as a page, or null. */
    String summaryHtml() {
        return paths.get("--summary-html");
    }

    /**
     * Checks that each output can be written without truncating any: an existing file is opened for writing,
     * a missing one is created (and removed again by {@link #discard} if the batch never starts).
     *
     * @return one line per output that cannot be written, naming the option, the path and why
     */
    List<String> check(Path input) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : paths.entrySet()) {
            if ("-".equals(e.getValue()) || tables && e.getKey().equals("--out")) {
                continue;
            }
            String problem = problem(Path.of(e.getValue()), input);
            if (problem != null) {
                problems.add(e.getKey() + " " + e.getValue() + ": " + problem);
            }
        }
        return problems;
    }

    private String problem(Path path, Path input) {
        if (Files.isDirectory(path)) {
            return "is a folder; expected a file to write";
        }
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            return "no such folder: " + parent;
        }
        try {
            if (Files.exists(path)) {
                if (input != null && Files.exists(input) && Files.isSameFile(path, input)) {
                    return "is the input; writing it would destroy what is being read";
                }
                try (FileChannel ignored = FileChannel.open(path, StandardOpenOption.WRITE)) {
                    return null;
                }
            }
            Files.createFile(path);
            created.add(path);
            return null;
        } catch (IOException e) {
            return "cannot be written: " + reason(e);
        }
    }

    /** Removes the files {@link #check} created, when the batch does not start after all. */
    void discard() {
        for (Path path : created) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // an empty file left behind is harmless
            }
        }
    }

    /**
     * Opens an output, truncating it; a failure to write, flush or close it is an {@link OutputFailure} naming
     * it. Streams to files are not interruptible (a {@link FileOutputStream}, not a channel), so interrupting the
     * batch on a signal never closes an output under the writer.
     */
    static OutputStream open(String path) throws IOException {
        OutputStream target = "-".equals(path) ? new FileOutputStream(FileDescriptor.out) {
            @Override
            public void close() {
                // never close standard output
            }
        } : new FileOutputStream(path);
        return new Named("-".equals(path) ? "standard output" : path, new BufferedOutputStream(target, 1 << 16));
    }

    private static final class Named extends FilterOutputStream {
        private final String path;

        Named(String path, OutputStream out) {
            super(out);
            this.path = path;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            try {
                out.write(bytes, offset, length);
            } catch (IOException e) {
                throw new OutputFailure(path, e);
            }
        }

        @Override
        public void flush() {
            try {
                out.flush();
            } catch (IOException e) {
                throw new OutputFailure(path, e);
            }
        }

        @Override
        public void close() {
            try {
                out.close();
            } catch (IOException e) {
                throw new OutputFailure(path, e);
            }
        }
    }

    /** Why an I/O operation failed, in words: the system's reason, not an exception's class. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
