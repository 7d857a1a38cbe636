package io.github.dlcareer.advisor.internal.profile;

import io.github.dlcareer.advisor.Profile;
import io.github.dlcareer.advisor.Profile.Roles;
import io.github.dlcareer.advisor.Profile.Skills;

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The profile format (the README's "The profile") as data: every leaf path with its kind of value and how to read it off a
 * {@link Profile}. The reader validates against it, the engine uses it to say which facts triggered a rule,
 * and a profile is rebuilt from a map of path to value with {@link #build}.
 *
 * <p>All of it is read off {@link Profile}'s record components when the class loads, so the records are the
 * format's one definition: a component added to a section is a new leaf, at its place in the order.
 */
public final class ProfileSchema {

    /** What a leaf holds, and the range that is valid. */
    public enum Kind {
        TEXT("a text"),
        BOOLEAN("true or false"),
        SKILL("a whole number from 0 (none) to 5 (expert)"),
        COUNT("a whole number, 0 or more"),
        RANK("a whole number, 1 or more"),
        RATIO("a whole number from 0 to 100"),
        COUNTRY("an ISO 3166-1 alpha-2 country code such as IN, US or FR"),
        WORDS("a list of words such as [vision, bio]"),
        ENUM("one of");

        final String expected;

        Kind(String expected) {
            this.expected = expected;
        }
    }

    /** One leaf of the format, {@code index} its place in the format. {@code values} is set for enums. */
    public record Leaf(int index, String path, Kind kind, Class<? extends Enum<?>> values,
                       Function<Profile, Object> getter) {

        /** What a valid value looks like, for error messages. */
        public String expected() {
            if (kind != Kind.ENUM) {
                return kind.expected;
            }
            return "one of " + Arrays.stream(values.getEnumConstants()).map(Enum::name)
                    .collect(Collectors.joining(", "));
        }
    }

    /**
     * The longest text value (an id, an industry), in characters. An id names a person within a batch and an
     * industry is a few words; 200 is room for any real one, and keeps a pasted document out of every "Why"
     * that echoes the value.
     */
    public static final int MAX_TEXT_LENGTH = 200;

    /**
     * The longest word of a list (a domain, a course, a framework), in characters: the longest real course
     * names ("Deep Learning Specialization by deeplearning.ai on Coursera") are under 70.
     */
    public static final int MAX_WORD_LENGTH = 100;

    /**
     * The most words a list holds. A person follows a handful of domains and frameworks and has taken at most
     * a few dozen courses; the rest of a longer list is an error and is skipped, not held.
     */
    public static final int MAX_WORDS = 100;

    /** Every leaf by its path, in the order of {@link Profile}'s components (depth first). */
    private static final Map<String, Leaf> LEAVES = new LinkedHashMap<>();
    /** The paths of the sections and sub-sections ({@code interests}, {@code interests.roles}). */
    private static final Set<String> SECTIONS = new HashSet<>();
    /** How to make a profile from its leaves' values: read off its record components once. */
    private static final Section PROFILE = section(Profile.class, "", null);
    private static final List<Leaf> LIST = List.copyOf(LEAVES.values());
    static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /**
     * A record of the format (the profile, a section): its canonical constructor taking an array of its components'
     * values, and per component a Leaf or a Section.
     */
    private record Section(MethodHandle constructor, List<Object> parts) {
    }

    private ProfileSchema() {
    }

    /**
     * The section made by {@code type} at {@code path} ({@code getter} reads it off a profile; null for the
     * profile itself), registering its leaves and sub-sections on the way.
     */
    private static Section section(Class<?> type, String path, Function<Profile, Object> getter) {
        RecordComponent[] components = type.getRecordComponents();
        List<Object> parts = new ArrayList<>();
        for (RecordComponent component : components) {
            String at = path.isEmpty() ? component.getName() : path + "." + component.getName();
            Function<Profile, Object> get = getter == null ? accessor(component) : getter.andThen(accessor(component));
            if (component.getType().isRecord()) {
                SECTIONS.add(at);
                parts.add(section(component.getType(), at, get));
            } else {
                Kind kind = kind(type, component);
                Leaf leaf = new Leaf(LEAVES.size(), at, kind, kind == Kind.ENUM ? enumType(component) : null, get);
                LEAVES.put(at, leaf);
                parts.add(leaf);
            }
        }
        try {
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            MethodHandle constructor = MethodHandles.publicLookup().findConstructor(type,
                    MethodType.methodType(void.class, types));
            return new Section(constructor.asSpreader(Object[].class, types.length)
                    .asType(MethodType.methodType(Object.class, Object[].class)), List.copyOf(parts));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("a record without its canonical constructor: " + type, e);
        }
    }

    /**
     * A leaf's kind, from its type; where the type does not tell, from where it sits: a text named country is a
     * country code, a whole number is a skill in {@link Skills}, a ratio in {@link Roles}, a rank when its name
     * ends in Rank, and a count anywhere else.
     */
    private static Kind kind(Class<?> section, RecordComponent component) {
        Class<?> type = component.getType();
        String name = component.getName();
        if (type == String.class) {
            return name.equals("country") ? Kind.COUNTRY : Kind.TEXT;
        } else if (type == Boolean.class) {
            return Kind.BOOLEAN;
        } else if (type == List.class) {
            return Kind.WORDS;
        } else if (type.isEnum()) {
            return Kind.ENUM;
        } else if (type == Integer.class) {
            return section == Skills.class ? Kind.SKILL : section == Roles.class ? Kind.RATIO
                    : name.endsWith("Rank") ? Kind.RANK : Kind.COUNT;
        }
        throw new IllegalStateException(section.getSimpleName() + "." + name + ": a " + type.getSimpleName()
                + " is no kind of value the profile format has");
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Enum<?>> enumType(RecordComponent component) {
        return (Class<? extends Enum<?>>) component.getType();
    }

    /**
     * A record component's accessor as a function, made once like a method reference (not called reflectively);
     * {@code T} is the record, which only the caller knows.
     */
    @SuppressWarnings("unchecked")
    private static <T> Function<T, Object> accessor(RecordComponent component) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            MethodHandle accessor = lookup.unreflect(component.getAccessor());
            return (Function<T, Object>) LambdaMetafactory.metafactory(lookup, "apply",
                    MethodType.methodType(Function.class), MethodType.methodType(Object.class, Object.class),
                    accessor, accessor.type()).getTarget().invoke();
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }

    /** The leaf at this path, or null. */
    public static Leaf leaf(String path) {
        return LEAVES.get(path);
    }

    /** How many leaves the format has. */
    public static int size() {
        return LEAVES.size();
    }

    /** Every leaf, in the order of the README's "The profile". */
    public static List<Leaf> leaves() {
        return LIST;
    }

    public static boolean isSection(String path) {
        return SECTIONS.contains(path);
    }

    /** "; did you mean a or b?" for a mistyped path, or an empty text when nothing is close. */
    public static String didYouMean(String path) {
        List<String> similar = similarPaths(path);
        return similar.isEmpty() ? "" : "; did you mean " + String.join(" or ", similar) + "?";
    }

    /** The known paths closest to a mistyped one, for "did you mean" hints. */
    public static List<String> similarPaths(String path) {
        String last = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return LEAVES.keySet().stream()
                .filter(p -> {
                    String name = p.substring(p.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
                    return name.equals(last) || editDistance(name, last) <= 2;
                })
                .limit(3)
                .toList();
    }

    /** A profile from validated leaf values keyed by path; absent keys are unknown. */
    public static Profile build(Map<String, Object> values) {
        return (Profile) make(PROFILE, values);
    }

    private static Object make(Section section, Map<String, Object> values) {
        Object[] arguments = new Object[section.parts().size()];
        for (int i = 0; i < arguments.length; i++) {
            Object part = section.parts().get(i);
            arguments[i] = part instanceof Leaf leaf ? values.get(leaf.path()) : make((Section) part, values);
        }
        try {
            return (Object) section.constructor().invokeExact(arguments);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every known leaf of a profile, keyed by path, in the order of the README's "The profile". */
    public static Map<String, Object> values(Profile profile) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Leaf leaf : LEAVES.values()) {
            Object value = leaf.getter().apply(profile);
            if (value != null) {
                values.put(leaf.path(), value);
            }
        }
        return values;
    }

    /** How many letters to add, drop or change to turn one name into another: for "did you mean" hints. */
    public static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
