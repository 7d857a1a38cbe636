package io.github.dlcareer.advisor.format;

import io.github.dlcareer.advisor.Advice;
import io.github.dlcareer.advisor.ProfileReader;
import io.github.dlcareer.advisor.TestRules;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The one-line JSON (built from cached fragments) says exactly what the indented JSON says. */
class AdviceJsonTest {

    @Test
    void oneLineJsonEqualsTheIndentedJsonForEveryExampleProfile() throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(TestRules.PROFILES)) {
            for (Path file : files.sorted().toList()) {
                Advice advice = TestRules.advisor().advise(ProfileReader.create().read(file));
                StringWriter pretty = new StringWriter();
                AdviceJson.write(advice, pretty, true);

                String line = AdviceJson.write(advice);

                assertThat(line).doesNotContain("\n");
                assertThat(new String(AdviceJson.line(advice), StandardCharsets.UTF_8)).isEqualTo(line + "\n"); // batch bytes
                assertThat(json.readTree(line)).as(file.toString()).isEqualTo(json.readTree(pretty.toString()));
            }
        }
    }
}
