package dev.rpik8s.session.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Values of the hosts file as Ansible reads them: it hands each to Python's literal_eval, so {@code '1.20'} is a
 * string, {@code 1.20} a float, {@code ['a', 'b']} a list, and what literal_eval refuses
 * ({@code http://proxy:3128}) the text itself. Only the variables the plan reads are interpreted; the others are
 * written back as they were.
 */
final class IniValue {

    /** What literal_eval would read as a number, so a string that looks like one must be quoted. */
    private static final Pattern NUMBER = Pattern.compile(
            "[-+]?(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|([0-9][0-9_]*)?\\.?[0-9][0-9_]*([eE][-+]?[0-9]+)?[jJ]?|[0-9][0-9_]*\\.)");
    private static final Pattern NEEDS_SHELL_QUOTES = Pattern.compile(".*[\\s'\"#\\\\].*");

    private IniValue() {
    }

    /** A string, a list of strings, a Boolean, or null; numbers as the text that was written. */
    static Object parse(String text) {
        String t = text.strip();
        Cursor c = new Cursor(t);
        try {
            Object value = c.literal();
            c.blanks();
            if (c.atEnd() || c.peek() == '#') {
                return value;
            }
        } catch (IllegalArgumentException notALiteral) {
            // as Ansible does: the text itself
        }
        return t;
    }

    /** How a :vars section writes a value so that Ansible reads it back the same. */
    static String format(Object value) {
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof List<?> items) {
            List<String> quoted = new ArrayList<>();
            for (Object item : items) {
                quoted.add(quoted(String.valueOf(item)));
            }
            return "[" + String.join(", ", quoted) + "]";
        }
        String s = String.valueOf(value);
        boolean bare = value instanceof Integer || !s.isEmpty() && s.equals(s.strip()) && "'\"[({".indexOf(s.charAt(0)) < 0
                && !NUMBER.matcher(s).matches() && !List.of("True", "False", "None").contains(s);
        return bare ? s : quoted(s);
    }

    /** The same on a host line, which Ansible splits like a shell would. */
    static String onHostLine(Object value) {
        String s = format(value);
        return NEEDS_SHELL_QUOTES.matcher(s).matches() ? "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : s;
    }

    private static String quoted(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** Just enough of Python's literal syntax for the values an inventory gives: strings, lists, True/False/None, numbers. */
    private static final class Cursor {
        private final String s;
        private int i;

        Cursor(String s) {
            this.s = s;
        }

        Object literal() {
            blanks();
            if (atEnd()) {
                throw new IllegalArgumentException("empty");
            }
            char c = peek();
            if (c == '\'' || c == '"') {
                return string(c);
            }
            if (c == '[' || c == '(') {
                return list(c == '[' ? ']' : ')');
            }
            int start = i;
            while (!atEnd() && (Character.isLetterOrDigit(peek()) || "+-._".indexOf(peek()) >= 0)) {
                i++;
            }
            String word = s.substring(start, i);
            return switch (word) {
                case "True" -> Boolean.TRUE;
                case "False" -> Boolean.FALSE;
                case "None" -> null;
                default -> {
                    if (!NUMBER.matcher(word).matches()) {
                        throw new IllegalArgumentException("not a literal");
                    }
                    yield word;
                }
            };
        }

        private String string(char quote) {
            StringBuilder b = new StringBuilder();
            i++;
            while (!atEnd() && peek() != quote) {
                char c = s.charAt(i++);
                if (c == '\\' && !atEnd()) {
                    char e = s.charAt(i++);
                    b.append(switch (e) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        default -> e;
                    });
                } else {
                    b.append(c);
                }
            }
            if (atEnd()) {
                throw new IllegalArgumentException("unclosed");
            }
            i++;
            return b.toString();
        }

        private List<String> list(char close) {
            List<String> items = new ArrayList<>();
            i++;
            blanks();
            while (!atEnd() && peek() != close) {
                items.add(String.valueOf(literal()));
                blanks();
                if (!atEnd() && peek() == ',') {
                    i++;
                    blanks();
                } else if (!atEnd() && peek() != close) {
                    throw new IllegalArgumentException("no comma");
                }
            }
            if (atEnd()) {
                throw new IllegalArgumentException("unclosed");
            }
            i++;
            return items;
        }

        void blanks() {
            while (!atEnd() && Character.isWhitespace(peek())) {
                i++;
            }
        }

        boolean atEnd() {
            return i >= s.length();
        }

        char peek() {
            return s.charAt(i);
        }
    }
}
