package io.github.dlcareer.advisor.bench;

import io.github.dlcareer.advisor.Advice;
import io.github.dlcareer.advisor.Advisor;
import io.github.dlcareer.advisor.Profile;
import io.github.dlcareer.advisor.ProfileReader;
import io.github.dlcareer.advisor.format.AdviceJson;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * In-process cost of advising one profile with the rules of {@code rules/}, after warm-up: the rule
 * session, the evidence combination and ranking ({@code advise}), and with the JSON output ({@code adviseToJson}).
 * Run from the repository root: {@code mvn -Pbench test-compile exec:exec}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AdviseBenchmark {

    @Param({"advisor-red-flags", "theory-strong-student", "empty"})
    public String profileName;

    private Advisor advisor;
    private Profile profile;
    private String profileText;

    @Setup
    public void setUp() {
        advisor = Advisor.builder().rules(Path.of("rules")).build();
        Path file = Path.of("examples", "profiles", profileName + ".yaml");
        profile = ProfileReader.create().read(file);
        try {
            profileText = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Benchmark
    public Advice advise() {
        return advisor.advise(profile);
    }

    @Benchmark
    public String adviseToJson() {
        return AdviceJson.write(advisor.advise(profile));
    }

    @Benchmark
    public Profile readYamlProfile() {
        return ProfileReader.create().parse(profileText, profileName + ".yaml");
    }
}
