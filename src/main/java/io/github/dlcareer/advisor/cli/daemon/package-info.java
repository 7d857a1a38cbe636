/**
 * {@code advisor daemon}: a resident process that gives advice for {@code advisor advise} runs, so that such a run
 * costs a JVM's start and a message rather than building a rule base (0.8 s became ~0.2 s here).
 *
 * <p>The daemon listens on a Unix-domain socket in a folder only its user may enter ({@link DaemonSocket}); it
 * checks the peer's user too. A run of {@code advise} looks for the socket of its own jar, java and settings
 * ({@link DaemonClient}) and, finding one, sends its arguments, directory and (when asked) standard input; the
 * daemon runs the same command line with the caller's directory and input ({@code cli.Caller}) and sends back the
 * exit code and what was printed. Whatever the daemon cannot answer exactly as the run itself would
 * ({@code --watch}, {@code --verbose}, {@code --no-cache}, argument files, rules that do not compile, a daemon
 * that stopped) is answered by the run itself: the daemon only ever saves time.
 */
package io.github.dlcareer.advisor.cli.daemon;
