package io.github.dlcareer.advisor.internal;

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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches folders (and everything below them) on a daemon thread and calls back, once per burst of changes,
 * after the files have been quiet for a moment: an editor's save is often several events.
 */
public final class RulesWatcher implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(RulesWatcher.class);
    private static final long QUIET_MILLIS = 250;

    private final WatchService service;
    private final Thread thread;

    public RulesWatcher(List<Path> folders, Runnable onChange) {
        try {
            service = FileSystems.getDefault().newWatchService();
            for (Path folder : folders) {
                register(folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + folders, e);
        }
        thread = new Thread(() -> loop(onChange), "advisor-rules-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void register(Path folder) throws IOException {
        try (Stream<Path> folders = Files.walk(folder)) {
            for (Path dir : folders.filter(Files::isDirectory).toList()) {
                dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private void loop(Runnable onChange) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = service.take();
                drain(key);
                // Wait until the burst is over: an editor's save may come as several events.
                for (WatchKey more = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS); more != null;
                     more = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) {
                    drain(more);
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
