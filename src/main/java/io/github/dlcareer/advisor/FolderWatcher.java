package io.github.dlcareer.advisor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches folders (and everything below them) on a daemon thread and calls back, once per burst of changes,
 * after the files have been quiet for a moment: an editor's save is often several events.
 *
 * <p>A watched folder that is deleted and made again, or replaced by another (a {@code mv} over it), is picked
 * up again within a second: it is watched anew, logged, and the callback is called, as for any change.
 *
 * <p>It is what {@link Advisor.Builder#watch(boolean)} uses for the rules folder; the command line also uses it
 * for the profile of {@code advise --watch}, and an application may use it for inputs of its own.
 */
public final class FolderWatcher implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(FolderWatcher.class);
    private static final long QUIET_MILLIS = 250;
    /** How often, when nothing happens, to look whether a watched folder was deleted, made again or replaced. */
    private static final long LOOK_MILLIS = 500;

    private final WatchService service;
    private final Thread thread;
    /** Each watched folder, and what it was when registered: its watch key and its file key (inode). */
    private final Map<Path, Watched> roots = new LinkedHashMap<>();

    private record Watched(WatchKey key, Object fileKey) {
    }

    /** Starts watching; {@code onChange} runs on the watcher's thread. Close it to stop. */
    public FolderWatcher(List<Path> folders, Runnable onChange) {
        try {
            service = FileSystems.getDefault().newWatchService();
            for (Path folder : folders) {
                roots.put(folder, new Watched(register(folder), fileKey(folder)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + folders, e);
        }
        thread = new Thread(() -> loop(onChange), "advisor-folder-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** Watches a folder and every folder below it; returns the key of the folder itself. */
    private WatchKey register(Path folder) throws IOException {
        WatchKey top = null;
        try (Stream<Path> folders = Files.walk(folder)) {
            for (Path dir : folders.filter(Files::isDirectory).toList()) {
                WatchKey key = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
                if (top == null) {
                    top = key;
                }
            }
        }
        return top;
    }

    private static Object fileKey(Path folder) {
        try {
            return Files.readAttributes(folder, BasicFileAttributes.class).fileKey();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /**
     * Watches again each folder that was deleted and is back, or was replaced by another; true if any was. A
     * folder that is gone is logged once, and looked for again at every turn.
     */
    private boolean recover() {
        boolean recovered = false;
        for (Map.Entry<Path, Watched> root : roots.entrySet()) {
            Path folder = root.getKey();
            Watched watched = root.getValue();
            boolean present = Files.isDirectory(folder);
            boolean lost = watched == null || !watched.key().isValid()
                    || (present && !Objects.equals(fileKey(folder), watched.fileKey()));
            if (!lost) {
                continue;
            }
            if (!present) {
                if (watched != null) {
                    LOG.warn("the watched folder {} is gone; it will be watched again when it is back", folder);
                    watched.key().cancel();
                    root.setValue(null);
                }
                continue;
            }
            try {
                if (watched != null) {
                    watched.key().cancel();
                }
                root.setValue(new Watched(register(folder), fileKey(folder)));
                LOG.info("the watched folder {} is back (made again or replaced); watching it again", folder);
                recovered = true;
            } catch (IOException e) {
                LOG.warn("cannot watch {} again yet: {}", folder, e.toString());
            }
        }
        return recovered;
    }

    private void loop(Runnable onChange) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = service.poll(LOOK_MILLIS, TimeUnit.MILLISECONDS);
                if (key != null) {
                    drain(key);
                    // Wait until the burst is over: an editor's save may come as several events.
                    for (WatchKey more = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS); more != null;
                         more = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) {
                        drain(more);
                    }
                }
                if (!recover() && key == null) {
                    continue;
                }
                try {
                    onChange.run();
                } catch (RuntimeException e) {
                    LOG.warn("reacting to a change of the rules failed: {}", e.toString());
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: stop watching
        }
    }

    private void drain(WatchKey key) {
        for (var event : key.pollEvents()) {
            if (event.context() instanceof Path name && key.watchable() instanceof Path dir) {
                Path changed = dir.resolve(name);
                if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(changed)) {
                    try {
                        register(changed);
                    } catch (IOException e) {
                        LOG.warn("cannot watch the new folder {}: {}", changed, e.toString());
                    }
                }
            }
        }
        key.reset();
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            service.close();
        } catch (IOException e) {
            LOG.debug("closing the watch service: {}", e.toString());
        }
    }
}
