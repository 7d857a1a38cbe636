package io.github.dlcareer.advisor.cli.daemon;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Where the daemon for this advisor listens, and what it must share with a caller to answer for it: the same jar
 * (path, time and size), the same java, and the settings the advice depends on ({@code JAVA_OPTS}, the cache
 * folder's variables, the home folder, the locale and the encodings of text and of file names). The socket is named after a hash of that identity, so a caller with other
 * settings, or after a rebuild, finds none; the daemon checks the identity whole all the same.
 *
 * @param folder   a folder only this user may enter: {@code $XDG_RUNTIME_DIR/dl-career-advisor}, else
 *                 {@code dl-career-advisor-USER} in the temporary folder
 * @param socket   the socket in it
 * @param identity what the caller and the daemon must share
 */
public record DaemonSocket(Path folder, Path socket, String identity) {

    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    /** The socket of this process's jar, java and settings (nothing is created). */
    public static DaemonSocket ofThisProcess() {
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        Path folder = runtime != null && !runtime.isEmpty() && Path.of(runtime).isAbsolute()
                ? Path.of(runtime, "dl-career-advisor")
                : Path.of(System.getProperty("java.io.tmpdir"), "dl-career-advisor-" + System.getProperty("user.name"));
        String identity = thisIdentity();
        return new DaemonSocket(folder, folder.resolve("advisor-" + hash(identity) + ".sock"), identity);
    }

    /** The daemon's log, beside its socket. */
    public Path log() {
        String name = socket.getFileName().toString();
        return socket.resolveSibling(name.substring(0, name.length() - ".sock".length()) + ".log");
    }

    /**
     * Whether the folder is this user's alone (readable by no one else, so no one else can have put a socket
     * there); when {@code create}, made so if missing.
     */
    public boolean folderIsPrivate(boolean create) {
        try {
            if (create && !Files.isDirectory(folder)) {
                Files.createDirectories(folder.getParent());
                try {
                    Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    // checked below like any folder found
                }
            }
            PosixFileAttributes attributes = Files.readAttributes(folder, PosixFileAttributes.class,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS);
            return attributes.isDirectory() && attributes.permissions().equals(OWNER_ONLY)
                    && attributes.owner().equals(Files.getOwner(Path.of("/proc/self")));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** The socket when a daemon may be listening on it: the file is there, in a private folder. */
    public Optional<Path> listening() {
        return Files.exists(socket) && folderIsPrivate(false) ? Optional.of(socket) : Optional.empty();
    }

    private static String thisIdentity() {
        StringBuilder identity = new StringBuilder();
        try {
            Path code = Path.of(DaemonSocket.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            identity.append("code=").append(code).append(' ')
                    .append(Files.getLastModifiedTime(code).toMillis()).append(' ').append(Files.size(code));
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // a jar that cannot be told from a rebuilt one: no caller shares this process's identity
            identity.append("code=unknown, process ").append(ProcessHandle.current().pid());
        }
        identity.append("\nclasspath=");
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            identity.append(Path.of(entry).toAbsolutePath().normalize()).append(java.io.File.pathSeparator);
        }
        identity
                .append("\njava=").append(System.getProperty("java.home")).append(' ')
                .append(System.getProperty("java.vm.version"))
                .append("\nhome=").append(System.getProperty("user.home"))
                .append("\nlocale=").append(java.util.Locale.getDefault().toLanguageTag()).append(' ')
                .append(System.getProperty("file.encoding")).append(' ').append(System.getProperty("sun.jnu.encoding"));
        for (String variable : new String[] {"JAVA_OPTS", "ADVISOR_CACHE", "XDG_CACHE_HOME"}) {
            identity.append('\n').append(variable).append('=').append(System.getenv(variable));
        }
        return identity.toString();
    }

    /** FNV-1a, 64 bits: a name, not a secret (the identity itself is compared whole). */
    private static String hash(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash = (hash ^ text.charAt(i)) * 0x100000001b3L;
        }
        return Long.toHexString(hash);
    }
}
