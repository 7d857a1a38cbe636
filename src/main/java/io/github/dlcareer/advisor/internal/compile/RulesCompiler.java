package io.github.dlcareer.advisor.internal.compile;

import io.github.dlcareer.advisor.Profile;
import io.github.dlcareer.advisor.internal.engine.RuleBook;
import io.github.dlcareer.advisor.internal.knowledge.Catalogues;
import io.github.dlcareer.advisor.internal.knowledge.Knowledge;
import io.github.dlcareer.advisor.internal.knowledge.Drl;
import io.github.dlcareer.advisor.internal.knowledge.Quotes;
import io.github.dlcareer.advisor.internal.knowledge.RuleDescription;
import io.github.dlcareer.advisor.internal.knowledge.RulesLint;
import io.github.dlcareer.advisor.internal.profile.ProfileSchema;
import io.github.dlcareer.advisor.rules.Finding;
import io.github.dlcareer.advisor.Citation;
import io.github.dlcareer.advisor.InvalidRulesException;
import io.github.dlcareer.advisor.Problem;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.internal.builder.conf.LanguageLevelOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns a rules folder into a {@link RuleBook}: reads the catalogues, parses every {@code .drl} file to learn
 * each rule's metadata and the facts it looks at, checks that every rule recommends known advice and cites
 * known passages, and compiles the DRL at run time with Drools' executable model. Every problem is collected
 * and reported at once, each with its file and line.
 */
public final class RulesCompiler {

    /** Where the copy of {@code rules/} sits inside the jar. */
    static final String BUNDLED = "io/github/dlcareer/advisor/bundled-rules"; // not a package name: no class can land here
    static final String BUNDLED_LABEL = "<bundled rules>";

    private static final Logger LOG = LoggerFactory.getLogger(RulesCompiler.class);
    private static final AtomicInteger BUILDS = new AtomicInteger();
    private static final Pattern PATH = Pattern.compile("(?<![\\w.$\"])([a-z][A-Za-z0-9]*(?:\\.[a-z][A-Za-z0-9]*)+)");
    private static final Pattern FINDING_NAME = Pattern.compile("\\bname\\s*==\\s*\"([^\"]+)\"");
    private static final Pattern ACTS_ON_EVIDENCE = Pattern.compile("evidence\\s*\\.\\s*(support|weaken)\\s*\\(");
    private static final Pattern DERIVES = Pattern.compile("evidence\\s*\\.\\s*finding\\s*\\(\\s*\"([^\"]+)\"");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_$][\\w$]*");
    /** The wording of Drools' messages, never the culprit. */
    private static final Set<String> MESSAGE_WORDS = Set.of("unknown", "field", "class", "method", "type",
            "variable", "the", "for", "cannot", "resolved", "unable", "rule", "error", "undefined", "not", "and",
            "with", "are", "arguments", "applicable", "expression", "parse", "invalid");
    private static final Pattern PARSER_PREFIX = Pattern.compile("^\\[ERR \\d+\\] Line \\d+:\\d+ ");

    private final Path folder;
    private final String label;
    private CompiledRulesCache cache;
    private final List<Problem> problems = new ArrayList<>();
    private final Set<String> unparsable = new java.util.HashSet<>();

    private RulesCompiler(Path folder, String label) {
        this.folder = folder;
        this.label = label;
    }

    /** Compiles the rules in a folder; throws with every problem found. */
    public static RuleBook compile(Path folder) {
        return compile(folder, null);
    }

    /** Compiles the rules in a folder, or loads them from the cache (null: none) when unchanged. */
    public static RuleBook compile(Path folder, CompiledRulesCache cache) {
        RulesCompiler compiler = new RulesCompiler(folder, folder.toString());
        compiler.cache = cache;
        return compiler.compile();
    }

    /** Compiles the copy of the rules bundled in the jar, or loads it from the cache (null: none). */
    public static RuleBook compileBundled(CompiledRulesCache cache) {
        RulesCompiler compiler = new RulesCompiler(bundledFolder(), BUNDLED_LABEL);
        compiler.cache = cache;
        return compiler.compile();
    }

    /** Reads and checks a rules folder without compiling its DRL (fast); throws with every problem found. */
    public static Knowledge read(Path folder) {
        return read(folder, null);
    }

    /** The same, taking the parsed rules from the cache (null: none) when the DRL is unchanged. */
    public static Knowledge read(Path folder, CompiledRulesCache cache) {
        RulesCompiler compiler = new RulesCompiler(folder, folder.toString());
        compiler.cache = cache;
        Knowledge knowledge = compiler.read();
        compiler.throwIfErrors();
        return knowledge;
    }

    /**
     * Everything wrong with a rules folder, without throwing: the problems of reading it, the DRL errors of
     * each file compiled on its own (so that every error is pinned to its file), and the lint warnings.
     */
    public static List<Problem> check(Path folder) {
        return check(folder, null);
    }

    /**
     * The same, and every quote of {@code sources.yaml} checked against the documents in {@code documents}
     * (null: not checked), see {@link Quotes#check}.
     */
    public static List<Problem> check(Path folder, Path documents) {
        RulesCompiler compiler = new RulesCompiler(folder, folder.toString());
        try {
            Knowledge knowledge = compiler.read();
            Map<String, String> parsed = new LinkedHashMap<>(knowledge.drl());
            parsed.keySet().removeAll(compiler.unparsable);
            int before = compiler.problems.size();
            if (compiler.compileKjar(parsed, knowledge.rules()) == null) {
                // Together, Drools may pin an error on the wrong file or on none: compile each file alone.
                compiler.problems.subList(before, compiler.problems.size()).clear();
                for (Map.Entry<String, String> file : parsed.entrySet()) {
                    compiler.compileKjar(Map.of(file.getKey(), file.getValue()), knowledge.rules());
                }
            }
            compiler.problems.addAll(RulesLint.warnings(knowledge));
            if (documents != null) {
                compiler.problems.addAll(Quotes.check(knowledge.catalogues(), compiler.where(Catalogues.SOURCES),
                        readQuietly(folder.resolve(Catalogues.SOURCES)), documents));
            }
        } catch (InvalidRulesException e) {
            return e.problems();
        }
        return List.copyOf(compiler.problems);
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return ""; // its problem is reported by the catalogue already
        }
    }

    /** Reads and checks the bundled rules without compiling them. */
    public static Knowledge readBundled() {
        RulesCompiler compiler = new RulesCompiler(bundledFolder(), BUNDLED_LABEL);
        Knowledge knowledge = compiler.read();
        compiler.throwIfErrors();
        return knowledge;
    }

    /** The bundled rules folder, as a path (inside the jar's file system when run from a jar). */
    public static Path bundledFolder() {
        URL url = RulesCompiler.class.getClassLoader().getResource(BUNDLED + "/" + Catalogues.ADVICE);
        if (url == null) {
            throw new IllegalStateException("no bundled rules on the class path at " + BUNDLED);
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException alreadyOpen) {
                    // opened by an earlier call: the same jar, so the same rules
                }
            }
            return Path.of(uri).getParent();
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open the bundled rules at " + url, e);
        }
    }

    private RuleBook compile() {
        long start = System.nanoTime();
        Knowledge knowledge = read();
        throwIfErrors();
        long described = System.nanoTime();
        KieBase kieBase;
        if (cache == null) {
            byte[] kjar = compileKjar(knowledge.drl(), knowledge.rules());
            kieBase = kjar == null ? null : org.drools.modelcompiler.KieBaseBuilder.createKieBaseFromModel(models(kjar, null));
        } else {
            kieBase = buildFileByFile(knowledge);
        }
        throwIfErrors();
        LOG.debug("{} {} rules from {} in {} ms: catalogues and rules read in {} ms, {} of {} files compiled",
                compiledFiles == 0 ? "loaded" : "built", knowledge.rules().size(), label,
                (System.nanoTime() - start) / 1_000_000, (described - start) / 1_000_000, compiledFiles,
                knowledge.drl().size());
        return new RuleBook(label, kieBase, knowledge.catalogues(), knowledge.rules(),
                cache != null && compiledFiles == 0);
    }

    private Knowledge read() {
        if (!Files.isDirectory(folder)) {
            throw new InvalidRulesException(List.of(Problem.error(label, 0, 0, null, "not a folder of rules")));
        }
        Catalogues catalogues = Catalogues.read(folder, label, problems);
        Map<String, String> drl = readDrlFiles();
        String key = cache == null ? null : CompiledRulesCache.key(drl);
        List<ParsedRule> parsed = key == null ? null : cache.readParsed(key).orElse(null);
        if (parsed == null) {
            int before = problems.size();
            parsed = parse(drl);
            if (key != null && problems.size() == before) {
                cache.writeParsed(key, parsed);
            }
        }
        List<RuleDescription> rules = resolve(parsed, catalogues);
        if (drl.isEmpty()) {
            problems.add(Problem.error(label, 0, 0, null, "no .drl files"));
        }
        return new Knowledge(label, catalogues, rules, drl);
    }

    private void throwIfErrors() {
        if (hasErrors()) {
            throw new InvalidRulesException(problems);
        }
    }

    private boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    /** Every {@code .drl} file under the folder, by relative path in sorted order, with its text. */
    private Map<String, String> readDrlFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            List<Path> drl = paths.filter(p -> p.toString().endsWith(".drl") && Files.isRegularFile(p)).sorted().toList();
            for (Path path : drl) {
                files.put(folder.relativize(path).toString().replace('\\', '/'), Files.readString(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rules in " + label, e);
        }
        return files;
    }

    private String where(String file) {
        return label + "/" + file;
    }

    // ---- parsing: metadata and the facts each rule looks at ------------------------------------------

    /**
     * What the DRL parser tells of one rule, before the catalogues are consulted: metadata as written and the
     * facts its conditions look at. Kept in the cache beside the compiled rules, so that a start with
     * unchanged rules parses no DRL either.
     */
    public record ParsedRule(String name, String file, int line, int column, String recommend, String ask,
                             String cite, String weight, List<String> derives, List<String> paths,
                             List<String> findings, List<String> allPaths, List<String> allFindings,
                             boolean actsOnEvidence, boolean nonMonotonic, List<String> conditions) {
    }

    /** Every rule of every file, in folder order; parse errors go to the problems. */
    private List<ParsedRule> parse(Map<String, String> drl) {
        List<ParsedRule> rules = new ArrayList<>();
        for (Map.Entry<String, String> file : drl.entrySet()) {
            DrlParser parser = new DrlParser(LanguageLevelOption.DRL6);
            PackageDescr descr;
            try {
                descr = parser.parse(false, file.getValue());
            } catch (DroolsParserException e) {
                problems.add(Problem.error(where(file.getKey()), e.getLineNumber(), e.getColumn(), null, e.getMessage()));
                unparsable.add(file.getKey());
                continue;
            }
            if (parser.hasErrors() || descr == null) {
                unparsable.add(file.getKey());
                for (DroolsError error : parser.getErrors()) {
                    int line = error instanceof ParserError p ? p.getRow() : firstLine(error.getLines());
                    int column = error instanceof ParserError p ? p.getCol() + 1 : 0;
                    problems.add(Problem.error(where(file.getKey()), line, column, null,
                            PARSER_PREFIX.matcher(error.getMessage()).replaceFirst("")));
                }
                continue;
            }
            List<String> lines = file.getValue().lines().toList();
            for (RuleDescr rule : descr.getRules()) {
                rules.add(parsed(file.getKey(), rule, conditions(lines, rule.getLine())));
            }
        }
        return rules;
    }

    private static final Pattern WHEN = Pattern.compile("^\\s*when\\b(.*)$");
    private static final Pattern THEN = Pattern.compile("^\\s*then\\b");

    /** The lines between a rule's {@code when} and {@code then}, as written, without comments and blanks. */
    private static List<String> conditions(List<String> lines, int ruleLine) {
        List<String> conditions = new ArrayList<>();
        boolean inside = false;
        for (int i = Math.max(ruleLine - 1, 0); i < lines.size(); i++) {
            String line = lines.get(i);
            if (!inside) {
                Matcher when = WHEN.matcher(line);
                if (when.find()) {
                    inside = true;
                    line = when.group(1);
                } else {
                    continue;
                }
            } else if (THEN.matcher(line).find()) {
                break;
            }
            String text = line.replaceAll("//.*$", "").strip();
            if (!text.isEmpty()) {
                conditions.add(text);
            }
        }
        return conditions;
    }

    private static ParsedRule parsed(String file, RuleDescr rule, List<String> conditions) {
        Conditions positive = new Conditions();
        Conditions all = new Conditions();
        collect(rule.getLhs(), positive, all, true);
        List<String> derives = new ArrayList<>();
        String consequence = String.valueOf(rule.getConsequence());
        Matcher m = DERIVES.matcher(consequence);
        while (m.find()) {
            derives.add(m.group(1));
        }
        return new ParsedRule(rule.getName(), file, rule.getLine(), rule.getColumn(), metadata(rule, "recommend"),
                metadata(rule, "ask"), metadata(rule, "cite"), metadata(rule, "weight"), derives,
                List.copyOf(positive.paths), List.copyOf(positive.findings), List.copyOf(all.paths),
                List.copyOf(all.findings), ACTS_ON_EVIDENCE.matcher(consequence).find(), all.nonMonotonic,
                conditions);
    }

    /** The rules checked against the catalogues: every unknown id, bad weight or repeated name is a problem. */
    private List<RuleDescription> resolve(List<ParsedRule> parsed, Catalogues catalogues) {
        List<RuleDescription> rules = new ArrayList<>();
        Map<String, String> firstPlace = new HashMap<>();
        for (ParsedRule rule : parsed) {
            String place = where(rule.file()) + ":" + rule.line();
            String earlier = firstPlace.putIfAbsent(rule.name(), place);
            if (earlier != null) {
                problems.add(Problem.error(where(rule.file()), rule.line(), rule.column(), rule.name(),
                        "a rule of this name is already defined at " + earlier + "; rule names must be unique"));
                continue;
            }
            rules.add(resolve(rules.size(), rule, catalogues));
        }
        return rules;
    }

    private RuleDescription resolve(int order, ParsedRule rule, Catalogues catalogues) {
        String recommend = rule.recommend();
        String ask = rule.ask();
        String cite = rule.cite();
        String weightText = rule.weight();
        String where = where(rule.file());
        int line = rule.line();
        if (recommend != null && !catalogues.advice().containsKey(recommend)) {
            problems.add(Problem.error(where, line, 0, rule.name(),
                    "@recommend names the advice id '" + recommend + "', which advice.yaml does not define"));
        }
        if (ask != null && !catalogues.questions().containsKey(ask)) {
            problems.add(Problem.error(where, line, 0, rule.name(),
                    "@ask names the question id '" + ask + "', which questions.yaml does not define"));
        }
        if (ask != null && recommend != null) {
            problems.add(Problem.error(where, line, 0, rule.name(),
                    "a rule either recommends (@recommend) or asks (@ask), not both"));
        }
        if (recommend != null && cite == null) {
            problems.add(Problem.error(where, line, 0, rule.name(),
                    "a rule that recommends must @cite the passage it rests on"));
        }
        List<Citation> citations = new ArrayList<>();
        if (cite != null) {
            for (String passage : cite.split("\\s*,\\s*")) {
                if (catalogues.passages().containsKey(passage)) {
                    citations.add(catalogues.citation(passage));
                } else {
                    problems.add(Problem.error(where, line, 0, rule.name(),
                            "@cite names the passage '" + passage + "', which sources.yaml does not define"));
                }
            }
        }
        double weight = RuleDescription.DEFAULT_WEIGHT;
        if (weightText != null) {
            try {
                weight = Double.parseDouble(weightText);
            } catch (NumberFormatException e) {
                weight = Double.NaN;
            }
            if (!(weight > 0 && weight <= 1)) {
                problems.add(Problem.error(where, line, 0, rule.name(),
                        "@weight must be a number above 0 and at most 1, not '" + weightText + "'"));
            }
        }
        return new RuleDescription(order, rule.name(), where, line, recommend, ask, weight, citations, rule.derives(),
                rule.paths(), rule.findings(), rule.allPaths(), rule.allFindings(), rule.actsOnEvidence(),
                rule.nonMonotonic(), rule.paths().stream().map(ProfileSchema::leaf).toList(), rule.conditions());
    }

    /** Profile paths and finding names that conditions look at. */
    private static final class Conditions {
        final Set<String> paths = new LinkedHashSet<>();
        final Set<String> findings = new LinkedHashSet<>();
        boolean nonMonotonic;
    }

    private static String metadata(RuleDescr rule, String name) {
        AnnotationDescr annotation = rule.getAnnotation(name);
        if (annotation == null || annotation.getSingleValue() == null) {
            return null;
        }
        return AnnotationDescr.unquote(String.valueOf(annotation.getSingleValue()).strip()).strip();
    }

    /**
     * The profile paths and finding names that a rule's conditions look at: into {@code all} every one,
     * into {@code positive} only those outside a {@code not} (what must be absent is no reason to show).
     */
    private static void collect(BaseDescr descr, Conditions positive, Conditions all, boolean isPositive) {
        if (descr == null) {
            return;
        }
        if (descr instanceof NotDescr not) {
            all.nonMonotonic = true;
            for (Object child : not.getDescrs()) {
                collect((BaseDescr) child, positive, all, false);
            }
        } else if (descr instanceof PatternDescr pattern) {
            String type = pattern.getObjectType();
            for (BaseDescr constraint : pattern.getDescrs()) {
                if (constraint instanceof ExprConstraintDescr expression) {
                    String text = expression.getExpression();
                    if (type.endsWith("Profile")) {
                        Matcher m = PATH.matcher(text);
                        while (m.find()) {
                            if (ProfileSchema.leaf(m.group(1)) != null) {
                                all.paths.add(m.group(1));
                                if (isPositive) {
                                    positive.paths.add(m.group(1));
                                }
                            }
                        }
                    } else if (type.endsWith("Finding")) {
                        Matcher m = FINDING_NAME.matcher(text);
                        while (m.find()) {
                            all.findings.add(m.group(1));
                            if (isPositive) {
                                positive.findings.add(m.group(1));
                            }
                        }
                    }
                }
            }
            if (pattern.getSource() instanceof AccumulateDescr accumulate) {
                all.nonMonotonic = true; // a count or a sum can stop meeting its bound
                collect(accumulate.getInput(), positive, all, isPositive);
            }
        } else if (descr instanceof ConditionalElementDescr group) {
            for (Object child : group.getDescrs()) {
                collect((BaseDescr) child, positive, all, isPositive);
            }
        }
    }

    // ---- compiling ---------------------------------------------------------------------------------

    private int compiledFiles;

    /**
     * With a cache, each DRL file is compiled on its own and cached under its own key (every file compiles on
     * its own by design): after an edit only the edited file is compiled, and the KieBase is put together from
     * the models of all files.
     */
    private KieBase buildFileByFile(Knowledge knowledge) {
        List<org.drools.model.Model> models = new ArrayList<>();
        for (Map.Entry<String, String> file : knowledge.drl().entrySet()) {
            Map<String, String> one = Map.of(file.getKey(), file.getValue());
            String key = CompiledRulesCache.key(one);
            List<org.drools.model.Model> cached = cache.read(key).map(kjar -> models(kjar, key)).orElse(null);
            if (cached == null) {
                compiledFiles++;
                byte[] kjar = compileKjar(one, knowledge.rules());
                if (kjar == null) {
                    continue; // its errors are reported; go on, to report the other files' too
                }
                cache.write(key, kjar);
                cached = models(kjar, key);
                if (cached == null) {
                    throw new IllegalStateException("the rules of " + file.getKey() + " compiled but do not load");
                }
            }
            models.addAll(cached);
        }
        return hasErrors() ? null : org.drools.modelcompiler.KieBaseBuilder.createKieBaseFromModel(models);
    }

    /**
     * The executable models of a kjar: its generated classes defined from memory (in a class loader of their
     * own, so that files compiled apart never clash) and its listed model classes instantiated. Null, with a
     * warning, when it cannot be loaded.
     */
    private List<org.drools.model.Model> models(byte[] kjar, String key) {
        try {
            Map<String, byte[]> classes = new HashMap<>();
            List<String> models = new ArrayList<>();
            try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(kjar))) {
                for (java.util.zip.ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    String name = entry.getName();
                    if (name.endsWith(".class")) {
                        classes.put(name.substring(0, name.length() - 6).replace('/', '.'), zip.readAllBytes());
                    } else if (name.endsWith("/drools-model")) {
                        new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                                .filter(line -> !line.isBlank() && !line.contains(":")).forEach(models::add);
                    }
                }
            }
            if (models.isEmpty()) {
                throw new IllegalStateException("no model classes listed");
            }
            ClassLoader loader = new ModelClassLoader(classes, RulesCompiler.class.getClassLoader());
            List<org.drools.model.Model> instances = new ArrayList<>();
            for (String model : models) {
                instances.add((org.drools.model.Model) loader.loadClass(model.strip()).getDeclaredConstructor().newInstance());
            }
            return instances;
        } catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError e) {
            if (key == null) {
                throw new IllegalStateException("rules compiled from " + label + " do not load", e);
            }
            LOG.warn("the cached compiled rules for {} cannot be loaded ({}); compiling them again", label, e.toString());
            cache.discard(key);
            return null;
        }
    }

    /** Defines the generated classes of a cached kjar from memory, the advisor's own classes from its parent. */
    private static final class ModelClassLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        ModelClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
            super(parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }

    /** Compiles DRL into a kjar (the executable model's classes), or null with its errors reported. */
    private byte[] compileKjar(Map<String, String> drl, List<RuleDescription> rules) {
        KieServices services = KieServices.Factory.get();
        ReleaseId release = services.newReleaseId("io.github.dlcareer", "advisor-rules",
                "1.0." + BUILDS.incrementAndGet());
        KieFileSystem files = services.newKieFileSystem().generateAndWritePomXML(release);
        Map<String, String> labels = new HashMap<>();
        for (Map.Entry<String, String> file : drl.entrySet()) {
            String path = "src/main/resources/advisor/" + file.getKey();
            labels.put(path, file.getKey());
            files.write(path, file.getValue());
        }
        KieBuilder builder = services.newKieBuilder(files).buildAll(ExecutableModelProject.class);
        try {
            List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
            for (Message message : errors) {
                report(message, labels, drl, rules);
            }
            return errors.isEmpty()
                    ? ((org.drools.compiler.kie.builder.impl.InternalKieModule) builder.getKieModule()).getBytes() : null;
        } finally {
            services.getRepository().removeKieModule(release);
        }
    }

    /** Reports a compiler message at its DRL file and line, finding them when Drools does not say. */
    private void report(Message message, Map<String, String> labels, Map<String, String> drl, List<RuleDescription> rules) {
        String text = message.getText().strip();
        if (text.startsWith("Java source of ") && text.endsWith("in error:")) {
            return; // a heading Drools adds to the real error, which is reported on its own
        }
        String file = labels.get(message.getPath());
        int line = message.getLine();
        int column = message.getColumn();
        if (file == null || line <= 0) {
            Located located = locate(text, file == null ? drl : Map.of(file, drl.get(file)));
            if (located != null) {
                file = located.file();
                line = located.line();
                column = located.column();
            } else {
                line = 0;
                column = 0;
            }
        }
        String rule = ruleAt(rules, file, line);
        problems.add(Problem.error(file == null ? label : where(file), line, column, rule, readable(text)));
    }

    private record Located(String file, int line, int column) {
    }

    /**
     * Drools' messages about types and fields often carry no line (it says -1): find the rarest word of the
     * message that the DRL's code contains (such as the misspelled field) and report where it stands.
     * Comments and strings are blanked first, so that prose never matches.
     */
    private static Located locate(String message, Map<String, String> drl) {
        Map<String, String> code = new LinkedHashMap<>();
        drl.forEach((file, text) -> code.put(file, Drl.blankCommentsAndStrings(text)));
        Located best = null;
        int bestCount = Integer.MAX_VALUE;
        Matcher words = WORD.matcher(message);
        while (words.find()) {
            String word = words.group();
            if (word.length() < 3 || MESSAGE_WORDS.contains(word.toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            Pattern whole = Pattern.compile("(?<![\\w$])" + Pattern.quote(word) + "(?![\\w$])");
            int count = 0;
            Located first = null;
            for (Map.Entry<String, String> file : code.entrySet()) {
                Matcher m = whole.matcher(file.getValue());
                while (m.find()) {
                    count++;
                    if (first == null) {
                        first = at(file.getKey(), file.getValue(), m.start());
                    }
                }
            }
            if (count > 0 && count < bestCount) {
                best = first;
                bestCount = count;
            }
        }
        return best;
    }

    private static Located at(String file, String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Located(file, line, offset - lineStart + 1);
    }

    private String ruleAt(List<RuleDescription> rules, String file, int line) {
        if (file == null || line <= 0) {
            return null;
        }
        String where = where(file);
        RuleDescription found = null;
        for (RuleDescription rule : rules) {
            if (rule.file().equals(where) && rule.line() <= line) {
                found = rule;
            }
        }
        return found == null ? null : found.name();
    }

    private static final Pattern UNKNOWN_FIELD = Pattern.compile("Unknown field (\\w+) on class ([\\w.$]+)");

    /** Drools' wording, with the generated-code noise taken out and the profile's types explained. */
    static String readable(String text) {
        String firstLine = text.lines().findFirst().orElse(text).strip();
        Matcher unknown = UNKNOWN_FIELD.matcher(firstLine);
        if (unknown.find()) {
            try {
                Class<?> type = Class.forName(unknown.group(2));
                String name = type.getName().replaceAll("^.*\\.", "").replace('$', '.');
                if (type.isEnum()) {
                    return unknown.group(1) + " is not a value of " + name + "; its values: "
                            + String.join(", ", Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList());
                }
                if (type.isRecord()) {
                    return name + " has no field " + unknown.group(1) + "; its fields: " + String.join(", ",
                            Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList());
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // not one of ours: keep Drools' words
            }
        }
        return firstLine.replaceAll("\\bio\\.github\\.dlcareer\\.advisor\\.", "")
                .replace('$', '.');
    }

    private static int firstLine(int[] lines) {
        return lines == null || lines.length == 0 ? 0 : Arrays.stream(lines).filter(l -> l > 0).findFirst().orElse(0);
    }
}
