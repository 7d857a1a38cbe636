package io.github.dlcareer.advisor.cli;

/**
 * The exit codes every command shares: in a file of their own, so that the subcommands the root command
 * registers need not refer back to it.
 */
public final class ExitCodes {

    /** Rules that do not compile, an input that cannot be read on, an unexpected failure. */
    public static final int FAILURE = 1;
    /** Exit code for input the advisor cannot use (a bad profile), the same as for bad usage. */
    public static final int INVALID_INPUT = 2;

    private ExitCodes() {
    }
}
