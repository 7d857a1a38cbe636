package io.github.dlcareer.advisor;

import java.util.List;

/**
 * A rules folder that cannot be used: DRL that does not compile, a rule that cites an unknown passage or
 * recommends an unknown advice id, a catalogue that cannot be read. Every problem is listed with its file
 * and line.
 */
public final class InvalidRulesException extends AdvisorException {

    public InvalidRulesException(List<Problem> problems) {
        super("the rules cannot be used:", problems);
    }
}
