/**
 * The {@code advisor} command line: a thin picocli adapter over the library. Not an API. Logback and
 * picocli are optional dependencies of the library and are needed only here.
 */
package io.github.dlcareer.advisor.cli;
