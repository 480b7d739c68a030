package dev.rpik8s.session.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The inventory's {@code hosts} file, read the way Ansible's INI inventory plugin reads it: sections
 * {@code [group]} of host lines, {@code [group:children]} of group names, {@code [group:vars]} of
 * {@code key=value} lines; {@code #} and {@code ;} start comment lines. Values are kept as written: Ansible
 * gives them to Python's literal_eval, and only the variables the plan reads are interpreted ({@link IniValue}).
 */
final class HostsFile {

    static final String NAME = "hosts";

    enum Kind { HOSTS, CHILDREN, VARS }

    /** A section; {@code line} 0 is the implicit one before the first header, whose hosts are in no group. */
    record Section(String group, Kind kind, int line, List<Line> entries) {
    }

    /** What a line of a section holds: a host line in [group], a group in [group:children], a variable in [group:vars]. */
    sealed interface Line permits HostLine, ChildLine, Var {
    }

    /** A host line: its host names (a range such as {@code pi-a[1:4]} gives several), and its variables. */
    record HostLine(List<String> names, List<Var> vars, int line) implements Line {
    }

    record ChildLine(String group, int line) implements Line {
    }

    /**
     * One {@code key=value}.
     *
     * @param raw   what followed '=' in the file, written back as it is
     * @param value the same after shell-like unquoting (host lines); equal to raw in a :vars section
     */
    record Var(String key, String raw, String value, int line) implements Line {
    }

    private static final Pattern SECTION = Pattern.compile("\\[([^:\\]\\s]+)(?::(\\w+))?]\\s*(?:[#;].*)?");
    private static final Pattern GROUP_NAME = Pattern.compile("([^:\\]\\s]+)\\s*(?:#.*)?");
    private static final Pattern RANGE = Pattern.compile("\\[([0-9a-zA-Z]+):([0-9a-zA-Z]+)(?::([0-9]+))?]");

    private HostsFile() {
    }

    static List<Section> parse(String text) throws InventoryException {
        List<String> problems = new ArrayList<>();
        List<Section> sections = new ArrayList<>();
        Section current = new Section("ungrouped", Kind.HOSTS, 0, new ArrayList<>());
        sections.add(current);
        // a byte order mark, as Windows editors write one, is not part of the first header
        String[] lines = text.replaceFirst("^\uFEFF", "").split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int n = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == ';') {
                continue;
            }
            try {
                Matcher header = SECTION.matcher(line);
                if (header.matches()) {
                    current = new Section(header.group(1), kind(header.group(2), line), n, new ArrayList<>());
                    sections.add(current);
                } else if (line.startsWith("[")) {
                    throw new IllegalArgumentException("'" + line + "' is not a section header: write [group], [group:children] or "
                            + "[group:vars], with no spaces");
                } else {
                    current.entries().add(entry(current.kind(), line, n));
                }
            } catch (IllegalArgumentException e) {
                problems.add(NAME + ":" + n + ": " + e.getMessage() + ".");
            }
        }
        InventoryException.throwIfAny(problems);
        return sections.stream().filter(s -> s.line() > 0 || !s.entries().isEmpty()).toList();
    }

    private static Kind kind(String modifier, String line) {
        if (modifier == null) {
            return Kind.HOSTS;
        }
        return switch (modifier) {
            case "children" -> Kind.CHILDREN;
            case "vars" -> Kind.VARS;
            default -> throw new IllegalArgumentException(line + ": Ansible knows sections of hosts, :children and :vars, not :" + modifier);
        };
    }

    private static Line entry(Kind kind, String line, int n) {
        switch (kind) {
            case CHILDREN -> {
                Matcher m = GROUP_NAME.matcher(line);
                if (!m.matches()) {
                    throw new IllegalArgumentException("'" + line + "' is not a group name (one word per line in a :children section)");
                }
                return new ChildLine(m.group(1), n);
            }
            case VARS -> {
                int eq = line.indexOf('=');
                if (eq < 1) {
                    throw new IllegalArgumentException("'" + line + "' is not key=value, which a :vars section holds");
                }
                String raw = line.substring(eq + 1).strip();
                return new Var(line.substring(0, eq).strip(), raw, raw, n);
            }
            default -> {
                List<Token> tokens = tokens(line);
                Token host = tokens.get(0);
                List<Var> vars = new ArrayList<>();
                for (Token t : tokens.subList(1, tokens.size())) {
                    int eq = t.value().indexOf('=');
                    if (eq < 1) {
                        throw new IllegalArgumentException("'" + t.raw() + "' after host " + host.value() + " is not key=value");
                    }
                    vars.add(new Var(t.value().substring(0, eq), t.raw().substring(t.raw().indexOf('=') + 1), t.value().substring(eq + 1), n));
                }
                return hostLine(host.value(), vars, n);
            }
        }
    }

    /** {@code pi-a1:2222} is a host and its SSH port, as Ansible reads it: kept as its ansible_port variable. */
    private static HostLine hostLine(String pattern, List<Var> vars, int n) {
        int colon = pattern.lastIndexOf(':');
        // one ':' outside the brackets of a range: an IPv6 address has several
        boolean port = colon > 0 && depth(pattern.substring(0, colon)) == 0 && pattern.substring(colon + 1).matches("[0-9]+")
                && outsideRanges(pattern.substring(0, colon)).indexOf(':') < 0;
        if (!port) {
            return new HostLine(expand(pattern), vars, n);
        }
        List<Var> all = new ArrayList<>(vars);
        String number = pattern.substring(colon + 1);
        all.add(0, new Var(HostVariables.ANSIBLE_PORT, number, number, n));
        return new HostLine(expand(pattern.substring(0, colon)), all, n);
    }

    private static String outsideRanges(String s) {
        return s.replaceAll("\\[[^]]*]", "");
    }

    private static int depth(String s) {
        int d = 0;
        for (char c : s.toCharArray()) {
            d += c == '[' ? 1 : c == ']' ? -1 : 0;
        }
        return d;
    }

    /** Ansible's host ranges: {@code pi-a[1:4]}, {@code pi-[01:12]} (zero-padded), {@code node-[a:c]}, with a step. */
    static List<String> expand(String pattern) {
        Matcher m = RANGE.matcher(pattern);
        if (!m.find()) {
            if (pattern.contains("[") || pattern.contains("]")) {
                throw new IllegalArgumentException("host pattern '" + pattern + "' is not a range Ansible reads, such as pi-[1:4]");
            }
            return List.of(pattern);
        }
        String head = pattern.substring(0, m.start());
        String tail = pattern.substring(m.end());
        String from = m.group(1);
        String to = m.group(2);
        int step = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
        List<String> items = new ArrayList<>();
        if (from.chars().allMatch(Character::isDigit) && to.chars().allMatch(Character::isDigit)) {
            int width = from.startsWith("0") && from.length() > 1 ? from.length() : 0;
            for (long i = Long.parseLong(from); i <= Long.parseLong(to); i += Math.max(step, 1)) {
                items.add(width > 0 ? String.format("%0" + width + "d", i) : Long.toString(i));
            }
        } else if (from.length() == 1 && to.length() == 1 && Character.isLetter(from.charAt(0)) && Character.isLetter(to.charAt(0))) {
            for (char c = from.charAt(0); c <= to.charAt(0); c += (char) Math.max(step, 1)) {
                items.add(String.valueOf(c));
            }
        } else {
            throw new IllegalArgumentException("host range [" + from + ":" + to + "] mixes letters and digits or has more than one letter");
        }
        if (items.isEmpty()) {
            throw new IllegalArgumentException("host range [" + from + ":" + to + "] is empty: its start is after its end");
        }
        List<String> names = new ArrayList<>();
        for (String item : items) {
            for (String rest : expand(tail)) {
                names.add(head + item + rest);
            }
        }
        return names;
    }

    /** A word of a host line: its value after unquoting, and its text as written. */
    private record Token(String value, String raw) {
    }

    /**
     * Splits a host line as Python's shlex does in POSIX mode with comments (what Ansible uses): blanks separate
     * words, quotes group, a backslash escapes outside single quotes, '#' outside quotes ends the line.
     */
    private static List<Token> tokens(String line) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        int start = -1;
        char quote = 0;
        int i = 0;
        for (; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    value.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < line.length() && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                    value.append(line.charAt(++i));
                } else {
                    value.append(c);
                }
            } else if (Character.isWhitespace(c) || c == '#') {
                if (start >= 0) {
                    tokens.add(new Token(value.toString(), line.substring(start, i)));
                    value.setLength(0);
                    start = -1;
                }
                if (c == '#') {
                    break;
                }
            } else {
                if (start < 0) {
                    start = i;
                }
                if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '\\' && i + 1 < line.length()) {
                    value.append(line.charAt(++i));
                } else {
                    value.append(c);
                }
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("a " + quote + " quote is not closed on this line");
        }
        if (start >= 0) {
            tokens.add(new Token(value.toString(), line.substring(start, i)));
        }
        return tokens;
    }
}
