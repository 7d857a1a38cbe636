package io.github.dlcareer.advisor.internal.compile;

import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.rules.Finding;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.DSL;
import org.drools.model.Model;
import org.drools.model.PatternDSL;
import org.drools.model.Rule;
import org.drools.model.Variable;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.model.impl.ModelImpl;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Drools' executable model of the rules: DRL compiled into a kjar (its generated classes), and a kjar's model
 * classes loaded from memory, each kjar in a class loader of its own so that files compiled apart never clash.
 */
final class ModelLoader {

    private static final AtomicInteger BUILDS = new AtomicInteger();

    private final CompilerMessages messages;
    private final List<Problem> problems;

    /** @param problems where compile errors go, each at its file and line */
    ModelLoader(CompilerMessages messages, List<Problem> problems) {
        this.messages = messages;
        this.problems = problems;
    }

    /** Compiles DRL files (by path in the rules folder, with their text) into a kjar; null, with its errors reported. */
    byte[] compile(Map<String, String> drl) {
        KieServices services = KieServices.Factory.get();
        ReleaseId release = services.newReleaseId("io.github.dlcareer", "advisor-rules",
                "1.0." + BUILDS.incrementAndGet());
        KieFileSystem files = services.newKieFileSystem().generateAndWritePomXML(release);
        Map<String, String> labels = new HashMap<>();
        for (Map.Entry<String, String> file : drl.entrySet()) {
            // A decision table comes as its DRL: by the name's extension, Drools would read it as a table again.
            String path = "src/main/resources/advisor/" + file.getKey() + (file.getKey().endsWith(".drl") ? "" : ".drl");
            labels.put(path, file.getKey());
            files.write(path, file.getValue());
        }
        KieBuilder builder = services.newKieBuilder(files).buildAll(ExecutableModelProject.class);
        try {
            List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
            for (Message message : errors) {
                Problem problem = messages.problem(message, labels.get(message.getPath()), drl);
                if (problem != null) {
                    problems.add(problem);
                }
            }
            return errors.isEmpty() ? ((InternalKieModule) builder.getKieModule()).getBytes() : null;
        } finally {
            services.getRepository().removeKieModule(release);
        }
    }

    /** The executable models of a kjar: its generated classes defined from memory, its model classes instantiated. */
    static List<Model> models(byte[] kjar) throws IOException, ReflectiveOperationException {
        Map<String, byte[]> classes = new HashMap<>();
        List<String> models = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(kjar))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                if (name.endsWith(".class")) {
                    classes.put(name.substring(0, name.length() - 6).replace('/', '.'), zip.readAllBytes());
                } else if (name.endsWith("/drools-model")) {
                    new String(zip.readAllBytes(), StandardCharsets.UTF_8).lines()
                            .filter(line -> !line.isBlank() && !line.contains(":")).forEach(models::add);
                }
            }
        }
        if (models.isEmpty()) {
            throw new IllegalStateException("no model classes listed");
        }
        ClassLoader loader = new ModelClassLoader(classes, ModelLoader.class.getClassLoader());
        List<Model> instances = new ArrayList<>();
        for (String model : models) {
            instances.add((Model) loader.loadClass(model.strip()).getDeclaredConstructor().newInstance());
        }
        return instances;
    }

    /**
     * Builds, and drops, a KieBase and a session of one rule that never fires: Drools' classes for building both are
     * then loaded, by a thread that would otherwise wait for the rules' models to load (a start on the bundled
     * rules: ~60 ms sooner in all, its first advice ~35 ms sooner). Only a warm-up: a failure is logged and ignored.
     */
    static void warmUp() {
        try {
            Variable<Finding> finding = DSL.declarationOf(Finding.class);
            Rule never = PatternDSL.rule("warm-up").build(
                    PatternDSL.pattern(finding).expr("never", f -> false),
                    PatternDSL.not(PatternDSL.pattern(finding).expr("any", f -> true)),
                    DSL.on(finding).execute(f -> { }));
            KieBaseBuilder.createKieBaseFromModel(new ModelImpl().addRule(never)).newKieSession().dispose();
        } catch (RuntimeException | LinkageError e) {
            LoggerFactory.getLogger(ModelLoader.class).debug("the warm-up failed", e);
        }
    }

    /** The KieBase of executable models, put together from those of one kjar or of many. */
    static KieBase kieBase(List<Model> models) {
        return KieBaseBuilder.createKieBaseFromModel(models);
    }

    /** Defines the generated classes of a kjar from memory, the advisor's own classes from its parent. */
    private static final class ModelClassLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        ModelClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
            super(parent);
            this.classes = classes;
        }

        /**
         * A generated class is defined here without asking the parent first: the application class loader would
         * search each of the ~100 jars of the class path for it in vain (measured: ~70 ms of a start, for the
         * ~700 generated classes).
         */
        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!classes.containsKey(name)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : findClass(name);
            }
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
}
