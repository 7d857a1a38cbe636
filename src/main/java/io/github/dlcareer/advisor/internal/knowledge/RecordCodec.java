package io.github.dlcareer.advisor.internal.knowledge;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records of the advisor as bytes and back, with no parser library: texts, whole numbers, decimals, flags, enums,
 * lists, maps (in their order) and records of these, each record by its components. No code per type: a record
 * that gains a component is written with it, and bytes written before it did are refused on reading (each record
 * type is written once with the names of its components), never misread. A value of another type fails the write.
 * Reads in a few tens of milliseconds what Jackson's data binding takes most of a second to start up for.
 */
final class RecordCodec {

    private static final String OURS = "io.github.dlcareer.advisor.";
    private static final int NULL = 0;
    private static final int TEXT = 1;
    private static final int INT = 2;
    private static final int DOUBLE = 3;
    private static final int FLAG = 4;
    private static final int ENUM = 5;
    private static final int LIST = 6;
    private static final int MAP = 7;
    private static final int RECORD = 8;

    private RecordCodec() {
    }

    static byte[] write(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(value, bytes);
        return bytes.toByteArray();
    }

    /** Writes a value to {@code bytes}, and closes it. */
    static void write(Object value, OutputStream bytes) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(bytes))) {
            new Writer(out).value(value);
        }
    }

    /** The value of {@code bytes} as {@link #write} wrote it, checked to be a {@code type}. */
    static <T> T read(InputStream bytes, Class<T> type) throws IOException {
        Object value = new Reader(new DataInputStream(new BufferedInputStream(bytes))).value();
        if (!type.isInstance(value)) {
            throw new IOException("expected a " + type.getSimpleName() + ", found " + value);
        }
        return type.cast(value);
    }

    private static final class Writer {
        private final DataOutputStream out;
        /** The types written so far, by their number: a type is named once. */
        private final Map<Class<?>, Integer> types = new HashMap<>();

        Writer(DataOutputStream out) {
            this.out = out;
        }

        void value(Object value) throws IOException {
            if (value == null) {
                out.writeByte(NULL);
            } else if (value instanceof String text) {
                out.writeByte(TEXT);
                text(text);
            } else if (value instanceof Integer number) {
                out.writeByte(INT);
                out.writeInt(number);
            } else if (value instanceof Double number) {
                out.writeByte(DOUBLE);
                out.writeDouble(number);
            } else if (value instanceof Boolean flag) {
                out.writeByte(FLAG);
                out.writeBoolean(flag);
            } else if (value instanceof Enum<?> constant) {
                out.writeByte(ENUM);
                type(constant.getDeclaringClass());
                text(constant.name());
            } else if (value instanceof List<?> list) {
                out.writeByte(LIST);
                out.writeInt(list.size());
                for (Object item : list) {
                    value(item);
                }
            } else if (value instanceof Map<?, ?> map) {
                out.writeByte(MAP);
                out.writeInt(map.size());
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    value(entry.getKey());
                    value(entry.getValue());
                }
            } else if (value instanceof Record record && record.getClass().getName().startsWith(OURS)) {
                out.writeByte(RECORD);
                type(record.getClass());
                for (RecordComponent component : record.getClass().getRecordComponents()) {
                    value(component(record, component));
                }
            } else {
                throw new IOException("cannot store a " + value.getClass().getName() + " (" + value + ")");
            }
        }

        private static Object component(Record record, RecordComponent component) throws IOException {
            try {
                component.getAccessor().setAccessible(true);
                return component.getAccessor().invoke(record);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IOException("cannot read " + component + " of " + record.getClass().getName(), e);
            }
        }

        /** A type: its number if written before, else its name (and, for a record, its components' names). */
        private void type(Class<?> type) throws IOException {
            Integer number = types.get(type);
            out.writeInt(number == null ? -1 : number);
            if (number == null) {
                types.put(type, types.size());
                text(type.getName());
                text(components(type));
            }
        }

        private void text(String text) throws IOException {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            out.writeInt(utf8.length);
            out.write(utf8);
        }
    }

    /** A record type's components as its bytes name them; empty for an enum. */
    private static String components(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        return components == null ? "" : String.join(",", Arrays.stream(components)
                .map(c -> c.getGenericType().getTypeName() + " " + c.getName()).toList());
    }

    /** A type read: the class, and for a record its canonical constructor. */
    private record Type(Class<?> type, Constructor<?> constructor) {
    }

    private static final class Reader {
        private final DataInputStream in;
        private final List<Type> types = new ArrayList<>();

        Reader(DataInputStream in) {
            this.in = in;
        }

        Object value() throws IOException {
            int tag = in.readByte();
            return switch (tag) {
                case NULL -> null;
                case TEXT -> text();
                case INT -> in.readInt();
                case DOUBLE -> in.readDouble();
                case FLAG -> in.readBoolean();
                case ENUM -> constant(type().type(), text());
                case LIST -> {
                    int size = size();
                    List<Object> list = new ArrayList<>(size);
                    for (int i = 0; i < size; i++) {
                        list.add(value());
                    }
                    yield Collections.unmodifiableList(list);
                }
                case MAP -> {
                    int size = size();
                    Map<Object, Object> map = new LinkedHashMap<>(size * 2);
                    for (int i = 0; i < size; i++) {
                        map.put(value(), value());
                    }
                    yield Collections.unmodifiableMap(map);
                }
                case RECORD -> record(type());
                default -> throw new IOException("not a value: " + tag);
            };
        }

        private Object record(Type type) throws IOException {
            if (type.constructor() == null) {
                throw new IOException(type.type().getName() + " is not a record");
            }
            Object[] components = new Object[type.constructor().getParameterCount()];
            for (int i = 0; i < components.length; i++) {
                components[i] = value();
            }
            try {
                return type.constructor().newInstance(components);
            } catch (ReflectiveOperationException | IllegalArgumentException e) {
                throw new IOException("cannot make a " + type.type().getName() + " of what was read", e);
            }
        }

        private static Object constant(Class<?> type, String name) throws IOException {
            for (Object constant : type.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(name)) {
                    return constant;
                }
            }
            throw new IOException(type.getName() + " has no constant " + name);
        }

        /** A type by its number, or named here: only one of the advisor's records or enums, as it is now. */
        private Type type() throws IOException {
            int number = in.readInt();
            if (number >= 0) {
                if (number >= types.size()) {
                    throw new IOException("no type numbered " + number);
                }
                return types.get(number);
            }
            String name = text();
            String components = text();
            Class<?> type;
            try {
                type = name.startsWith(OURS) ? Class.forName(name, false, RecordCodec.class.getClassLoader()) : null;
            } catch (ClassNotFoundException e) {
                type = null;
            }
            if (type == null || !(type.isRecord() || type.isEnum()) || !components(type).equals(components)) {
                throw new IOException("written by another version: " + name + " (" + components + ")");
            }
            Constructor<?> constructor = null;
            if (type.isRecord()) {
                try {
                    constructor = type.getDeclaredConstructor(Arrays.stream(type.getRecordComponents())
                            .map(RecordComponent::getType).toArray(Class<?>[]::new));
                    constructor.setAccessible(true);
                } catch (NoSuchMethodException e) {
                    throw new IOException("no canonical constructor in " + name, e);
                }
            }
            Type read = new Type(type, constructor);
            types.add(read);
            return read;
        }

        private String text() throws IOException {
            byte[] utf8 = new byte[size()];
            in.readFully(utf8);
            return new String(utf8, StandardCharsets.UTF_8);
        }

        private int size() throws IOException {
            int size = in.readInt();
            if (size < 0) {
                throw new IOException("a negative size: " + size);
            }
            return size;
        }
    }
}
