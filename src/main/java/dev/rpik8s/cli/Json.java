package dev.rpik8s.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * A small JSON writer for what the commands print: records become objects (their components in order),
 * Optional a value or null, enums their name, collections arrays. No library: the project has none, and
 * this is all it needs.
 */
final class Json {

    private final StringBuilder out = new StringBuilder();
    private final String indentUnit;

    private Json(String indentUnit) {
        this.indentUnit = indentUnit;
    }

    /** Pretty-printed, two spaces per level, no trailing newline. */
    static String write(Object value) {
        Json j = new Json("  ");
        j.value(value, "");
        return j.out.toString();
    }

    private void value(Object v, String indent) {
        if (v instanceof Optional<?> o) {
            value(o.orElse(null), indent);
        } else if (v == null) {
            out.append("null");
        } else if (v instanceof String s) {
            string(s);
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
            out.append(v);
        } else if (v instanceof Enum<?> e) {
            string(e.name());
        } else if (v instanceof Map<?, ?> m) {
            object(m.entrySet().iterator(), indent);
        } else if (v instanceof Collection<?> c) {
            array(c, indent);
        } else if (v instanceof Record r) {
            object(components(r).entrySet().iterator(), indent);
        } else {
            throw new IllegalArgumentException("no JSON form for " + v.getClass().getName());
        }
    }

    private void object(Iterator<? extends Map.Entry<?, ?>> entries, String indent) {
        if (!entries.hasNext()) {
            out.append("{}");
            return;
        }
        String inner = indent + indentUnit;
        out.append("{\n");
        while (entries.hasNext()) {
            Map.Entry<?, ?> e = entries.next();
            out.append(inner);
            string(String.valueOf(e.getKey()));
            out.append(": ");
            value(e.getValue(), inner);
            out.append(entries.hasNext() ? ",\n" : "\n");
        }
        out.append(indent).append('}');
    }

    private void array(Collection<?> c, String indent) {
        if (c.isEmpty()) {
            out.append("[]");
            return;
        }
        String inner = indent + indentUnit;
        out.append("[\n");
        Iterator<?> it = c.iterator();
        while (it.hasNext()) {
            out.append(inner);
            value(it.next(), inner);
            out.append(it.hasNext() ? ",\n" : "\n");
        }
        out.append(indent).append(']');
    }

    private static Map<String, Object> components(Record r) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            try {
                m.put(c.getName(), c.getAccessor().invoke(r));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getSimpleName(), e);
            }
        }
        return m;
    }

    /** RFC 8259 escapes: quote, backslash, and every control character. */
    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        out.append('"');
    }
}
