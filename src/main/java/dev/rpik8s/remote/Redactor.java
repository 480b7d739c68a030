package dev.rpik8s.remote;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Replaces every occurrence of a secret with {@value #MASK} before text reaches a log or a screen. */
public final class Redactor {

    public static final String MASK = "********";

    private final List<String> secrets;

    /** A secret of several lines is matched line by line, because logs are written a line at a time. */
    public Redactor(List<String> secrets) {
        List<String> parts = new ArrayList<>();
        for (String s : secrets) {
            for (String line : s.split("\\R")) {
                if (!line.isBlank()) {
                    parts.add(line);
                }
            }
        }
        // Longest first, so a secret containing another is masked whole.
        parts.sort(Comparator.comparingInt(String::length).reversed());
        this.secrets = List.copyOf(parts);
    }

    public String redact(String text) {
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, MASK);
        }
        return out;
    }
}
