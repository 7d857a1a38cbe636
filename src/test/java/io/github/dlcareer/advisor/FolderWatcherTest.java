package io.github.dlcareer.advisor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class FolderWatcherTest {

    @TempDir
    Path folder;

    @Test
    void aWatchedFileCountsAndAFileBesideItDoesNot() throws Exception {
        Path profile = Files.writeString(folder.resolve("me.yaml"), "id: me\n");
        Semaphore changes = new Semaphore(0);
        try (FolderWatcher watcher = new FolderWatcher(List.of(profile), changes::release)) {
            Files.writeString(folder.resolve("out.txt"), "the advice, written beside the profile\n");
            assertThat(changes.tryAcquire(1500, TimeUnit.MILLISECONDS)).as("an output beside the profile").isFalse();

            Files.writeString(profile, "id: me\nhardware: {gpu: none}\n");
            assertThat(changes.tryAcquire(5, TimeUnit.SECONDS)).as("the profile itself").isTrue();
        }
    }

    @Test
    void inAWatchedFolderEveryFileCountsAtAnyDepth() throws Exception {
        Path below = Files.createDirectories(folder.resolve("a/b"));
        Semaphore changes = new Semaphore(0);
        try (FolderWatcher watcher = new FolderWatcher(List.of(folder), changes::release)) {
            Files.writeString(below.resolve("new.drl"), "package x;\n");
            assertThat(changes.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
        }
    }
}
