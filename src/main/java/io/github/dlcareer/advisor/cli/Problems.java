package io.github.dlcareer.advisor.cli;

import io.github.dlcareer.advisor.Problem;

import java.io.PrintWriter;
import java.util.List;

/** Prints problems the way compilers do, one per line, then a count. */
final class Problems {

    private Problems() {
    }

    static void print(PrintWriter err, List<Problem> problems) {
        problems.forEach(err::println);
        long errors = problems.stream().filter(Problem::isError).count();
        err.println(errors + (errors == 1 ? " error" : " errors"));
        err.flush();
    }
}
