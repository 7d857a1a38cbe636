package io.github.dlcareer.advisor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The docs name every profile field, in the format's order, and nothing that is not one. */
class ProfileDocumentationTest {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    @Test
    void theReadmesExampleProfileHasEveryFieldInOrder() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("\n## The profile\n"));
        String yaml = section.substring(section.indexOf("```yaml\n") + 8, section.indexOf("\n```", section.indexOf("```yaml")));

        List<String> paths = new ArrayList<>();
        leaves(new ObjectMapper(new YAMLFactory()).readTree(yaml), "", paths);

        assertThat(paths).containsExactlyElementsOf(ProfileFields.all().stream().map(ProfileField::path).toList());
        Profile example = ProfileReader.create().strict(true).parse(yaml, "README.md");
        assertThat(ProfileFields.all(example)).extracting(ProfileField::value).doesNotContainNull();
    }

    /**
     * The table of rules/README.md's "The facts a rule sees" names each field once. A cell shortens paths as a
     * reader would: {@code `.field`} follows the section of the path before it, and {@code `advisor.*`
     * (`allowsInternships`, ...)} lists names in the section {@code advisor}.
     */
    @Test
    void theRuleAuthorsGuideListsEveryFieldAndNothingElse() throws IOException {
        String guide = Files.readString(Path.of("rules", "README.md"));
        String section = guide.substring(guide.indexOf("## The facts a rule sees"));
        String table = section.substring(section.indexOf("| path |"), section.indexOf("\n\n", section.indexOf("| path |")));

        List<String> paths = new ArrayList<>();
        for (String row : table.lines().skip(2).toList()) {
            String prefix = "";
            Matcher name = CODE.matcher(row.split("\\|")[1]);
            while (name.find()) {
                String text = name.group(1);
                String path = text.startsWith(".") ? prefix + text.substring(1) : text.contains(".") ? text : prefix + text;
                if (path.endsWith(".*")) {
                    prefix = path.substring(0, path.length() - 1);
                } else {
                    prefix = path.contains(".") ? path.substring(0, path.lastIndexOf('.') + 1) : "";
                    paths.add(path);
                }
            }
        }

        assertThat(paths).containsExactlyInAnyOrderElementsOf(ProfileFields.all().stream().map(ProfileField::path)
                .toList());
    }

    private static void leaves(JsonNode node, String prefix, List<String> paths) {
        node.fields().forEachRemaining(field -> {
            String path = prefix + field.getKey();
            if (field.getValue().isObject()) {
                leaves(field.getValue(), path + ".", paths);
            } else {
                paths.add(path);
            }
        });
    }
}
