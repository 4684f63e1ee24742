package io.thz.core.scenario;

import java.util.List;

/**
 * A scenario that cannot be read or is physically impossible. Each problem names the field by
 * its path in the scenario file ({@code network.antennas}, {@code geometry.apPositions[1].x}) and
 * the rule it breaks. A CLI reports it with exit code 2.
 */
public final class ScenarioException extends IllegalArgumentException {

    private final List<String> problems;

    public ScenarioException(List<String> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    public ScenarioException(String problem) {
        this(List.of(problem));
    }

    /** One line per problem, each naming its field. */
    public List<String> problems() {
        return problems;
    }

    private static String format(List<String> problems) {
        if (problems.size() == 1) {
            return "invalid scenario: " + problems.get(0);
        }
        return "invalid scenario (" + problems.size() + " problems):\n  " + String.join("\n  ", problems);
    }
}
