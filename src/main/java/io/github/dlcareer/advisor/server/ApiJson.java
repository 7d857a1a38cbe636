package io.github.dlcareer.advisor.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.dlcareer.advisor.Advice;
import io.github.dlcareer.advisor.Citation;
import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.Profile;
import io.github.dlcareer.advisor.ProfileField;
import io.github.dlcareer.advisor.ProfileFields;
import io.github.dlcareer.advisor.authoring.RulesFolder;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The API's own JSON documents: problems, the next questions, the advice catalogue, the health. */
final class ApiJson {

    private static final JsonFactory JSON = new JsonFactory();

    /** Writes one JSON document. */
    private interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private ApiJson() {
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator json = JSON.createGenerator(out).useDefaultPrettyPrinter()) {
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append('\n').toString();
    }

    /** {@code {"problems": [{field, line, column, message}]}}: errors only, as the command line lists them. */
    static String problems(List<Problem> problems) {
        return write(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("problems");
            for (Problem p : problems) {
                if (!p.isError()) {
                    continue;
                }
                json.writeStartObject();
                json.writeStringField("field", p.field());
                json.writeNumberField("line", p.line());
                json.writeNumberField("column", p.column());
                json.writeStringField("message", p.message());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    static String health(String rules, int count) {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("status", "ok");
            json.writeStringField("rules", rules);
            json.writeNumberField("ruleCount", count);
            json.writeEndObject();
        });
    }

    /** A profile both ways: {@code {"profile": {...}, "yaml": "..."}}, its known fields only. */
    static String profile(Profile profile) {
        return write(json -> {
            json.writeStartObject();
            json.writeFieldName("profile");
            json.writeRawValue(ProfileFields.toJson(profile));
            json.writeStringField("yaml", ProfileFields.toYaml(profile));
            json.writeEndObject();
        });
    }

    /**
     * The questions the rules ask of this profile, most important first, each with the fields it would fill
     * that are still unknown (a question about a section, such as {@code advisor}, fills several).
     */
    static String questions(Advice advice, Profile profile, RulesFolder rules) {
        List<ProfileField> fields = ProfileFields.all(profile);
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("profile", profile.id());
            json.writeArrayFieldStart("questions");
            for (Advice.Question q : advice.questions()) {
                List<ProfileField> open = fields.stream().filter(f -> f.value() == null)
                        .filter(f -> f.path().equals(q.field()) || f.path().startsWith(q.field() + ".")).toList();
                if (open.isEmpty()) {
                    continue;
                }
                json.writeStartObject();
                json.writeStringField("id", q.id());
                json.writeStringField("text", q.text());
                json.writeStringField("field", q.field());
                json.writeArrayFieldStart("affects");
                for (String id : q.affects()) {
                    json.writeString(id);
                }
                json.writeEndArray();
                json.writeArrayFieldStart("fields");
                for (ProfileField f : open) {
                    field(json, f, rules.answerLabels(f.path()));
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    /**
     * One field to fill: its path, a label, its kind in words, its type (boolean, integer, words, choice, text)
     * and, for a fixed set, each answer as the profile's JSON holds it with its label from the rules' fields.yaml
     * (the words "Why" uses: "you have no GPU").
     */
    private static void field(JsonGenerator json, ProfileField f, Map<String, String> labels) throws IOException {
        json.writeStartObject();
        json.writeStringField("path", f.path());
        json.writeStringField("label", words(f.path().substring(f.path().lastIndexOf('.') + 1)));
        json.writeStringField("kind", f.kind());
        String type = f.type() == Boolean.class ? "boolean" : f.type() == Integer.class ? "integer"
                : f.type() == List.class ? "words" : f.type().isEnum() ? "choice" : "text";
        json.writeStringField("type", type);
        json.writeArrayFieldStart("choices");
        for (String choice : f.choices()) {
            json.writeStartObject();
            if (f.type() == Boolean.class) {
                json.writeBooleanField("value", choice.equals("yes"));
            } else {
                json.writeStringField("value", choice.toUpperCase(Locale.ROOT));
            }
            json.writeStringField("label", labels.get(choice));
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** A name in words: {@code highPerformanceComputing} → "high performance computing", {@code high_school} too. */
    static String words(String name) {
        return name.replaceAll("([a-z])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    /**
     * The advice ids the rules give (each with its rules and the passages they cite), every passage cited with its
     * quote, and the documents.
     */
    static String catalogue(RulesFolder folder) {
        Map<String, List<RulesFolder.Rule>> byAdvice = new TreeMap<>();
        Map<String, Citation> passages = new TreeMap<>();
        Map<String, Citation> sources = new TreeMap<>();
        Map<String, RulesFolder.AdviceEntry> entries = new LinkedHashMap<>();
        folder.advice().forEach(e -> entries.put(e.id(), e));
        for (RulesFolder.Rule rule : folder.rules()) {
            if (rule.recommend() != null) {
                byAdvice.computeIfAbsent(rule.recommend(), id -> new ArrayList<>()).add(rule);
            }
            rule.citations().forEach(c -> {
                passages.putIfAbsent(c.passage(), c);
                sources.putIfAbsent(c.source(), c);
            });
        }
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("rules", folder.location());
            json.writeNumberField("ruleCount", folder.rules().size());
            json.writeArrayFieldStart("advice");
            for (Map.Entry<String, List<RulesFolder.Rule>> advice : byAdvice.entrySet()) {
                json.writeStartObject();
                json.writeStringField("id", advice.getKey());
                RulesFolder.AdviceEntry entry = entries.get(advice.getKey());
                json.writeStringField("kind", entry.kind().name());
                json.writeStringField("topic", entry.topic());
                json.writeStringField("title", entry.title());
                json.writeStringField("text", entry.text());
                json.writeBooleanField("generic", entry.generic());
                json.writeArrayFieldStart("rules");
                Map<String, Boolean> cited = new LinkedHashMap<>();
                for (RulesFolder.Rule rule : advice.getValue()) {
                    json.writeStartObject();
                    json.writeStringField("rule", rule.name());
                    json.writeStringField("file", rule.file());
                    json.writeNumberField("line", rule.line());
                    json.writeNumberField("weight", rule.weight());
                    json.writeEndObject();
                    rule.citations().forEach(c -> cited.put(c.passage(), true));
                }
                json.writeEndArray();
                json.writeArrayFieldStart("passages");
                for (String passage : cited.keySet()) {
                    json.writeString(passage);
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("passages");
            for (Citation c : passages.values()) {
                json.writeStartObject();
                json.writeStringField("id", c.passage());
                json.writeStringField("source", c.source());
                json.writeStringField("section", c.section());
                json.writeStringField("quote", c.quote());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("sources");
            for (Citation c : sources.values()) {
                json.writeStartObject();
                json.writeStringField("id", c.source());
                json.writeStringField("title", c.title());
                json.writeStringField("author", c.author());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }
}
