package dev.rpik8s.render;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Where the end of a piece of shell script stands as far as quoting goes: is it a place where a single-quoted word
 * stays one word? Not inside quotes (the quotes would be literal and, within double quotes, {@code $(...)} would
 * run), not in a comment (a newline in the value would end the comment), not in a here-document. A small lexer, not
 * a shell parser: where it is unsure it refuses, and shellcheck over the rendered scripts is the second net.
 */
final class ShellPosition {

    private enum State { PLAIN, SINGLE, DOUBLE, ANSI_C, COMMENT }

    private ShellPosition() {
    }

    /** Why a value may not be put at the end of {@code script}, or empty when it may. */
    static Optional<String> unsafeAtEnd(CharSequence script) {
        State state = State.PLAIN;
        boolean wordStart = true;
        Deque<Heredoc> pending = new ArrayDeque<>();
        int n = script.length();
        int i = 0;
        while (i < n) {
            char c = script.charAt(i);
            char next = i + 1 < n ? script.charAt(i + 1) : 0;
            switch (state) {
                case PLAIN -> {
                    if (c == '\\') {
                        if (next == 0) {
                            return Optional.of("right after a backslash");
                        }
                        i++;
                    } else if (c == '\'') {
                        state = State.SINGLE;
                    } else if (c == '"') {
                        state = State.DOUBLE;
                    } else if (c == '$' && next == '\'') {
                        state = State.ANSI_C;
                        i++;
                    } else if (c == '#' && wordStart) {
                        state = State.COMMENT;
                    } else if (c == '<' && next == '<') {
                        if (i + 2 < n && script.charAt(i + 2) == '<') {
                            i += 2;   // a here-string, <<< word: no body follows
                        } else {
                            Heredoc h = Heredoc.read(script, i + 2);
                            if (h == null) {
                                return Optional.of("as a here-document's delimiter");
                            }
                            pending.add(h);
                            i = h.end - 1;
                        }
                    }
                }
                case SINGLE -> {
                    if (c == '\'') {
                        state = State.PLAIN;
                    }
                }
                case DOUBLE, ANSI_C -> {
                    if (c == '\\') {
                        i++;
                    } else if (c == (state == State.DOUBLE ? '"' : '\'')) {
                        state = State.PLAIN;
                    }
                }
                case COMMENT -> {
                    if (c == '\n') {
                        state = State.PLAIN;
                    }
                }
            }
            if (c == '\n' && state == State.PLAIN) {
                while (!pending.isEmpty()) {
                    i = pending.remove().skipBody(script, i + 1);
                    if (i < 0) {
                        return Optional.of("in a here-document");
                    }
                    i--;   // stands on the newline that ends the delimiter line
                }
            }
            wordStart = state == State.PLAIN && " \t\n;&|()<>".indexOf(c) >= 0;
            i++;
        }
        return switch (state) {
            case PLAIN -> Optional.empty();
            case SINGLE -> Optional.of("inside single quotes");
            case DOUBLE -> Optional.of("inside double quotes");
            case ANSI_C -> Optional.of("inside $'...' quotes");
            case COMMENT -> Optional.of("in a comment");
        };
    }

    /** A here-document announced by {@code <<WORD} or {@code <<-WORD}; its body starts on the next line. */
    private record Heredoc(String delimiter, boolean stripTabs, int end) {

        /** The delimiter after {@code <<} at {@code from}, or null when the script ends before it does. */
        static Heredoc read(CharSequence s, int from) {
            int i = from;
            boolean stripTabs = i < s.length() && s.charAt(i) == '-';
            if (stripTabs) {
                i++;
            }
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                i++;
            }
            StringBuilder word = new StringBuilder();
            while (i < s.length() && " \t\n;&|()<>".indexOf(s.charAt(i)) < 0) {
                char c = s.charAt(i++);
                if ("'\"\\".indexOf(c) < 0) {   // <<'EOF' and <<"EOF" end at EOF
                    word.append(c);
                }
            }
            return i >= s.length() ? null : new Heredoc(word.toString(), stripTabs, i);
        }

        /** The index just past the line that ends the body starting at {@code from}, or -1 if the script ends first. */
        int skipBody(CharSequence s, int from) {
            int line = from;
            while (line < s.length()) {
                int eol = line;
                while (eol < s.length() && s.charAt(eol) != '\n') {
                    eol++;
                }
                String text = s.subSequence(line, eol).toString();
                if ((stripTabs ? text.replaceFirst("^\t+", "") : text).equals(delimiter) && eol < s.length()) {
                    return eol + 1;
                }
                line = eol + 1;
            }
            return -1;
        }
    }
}
