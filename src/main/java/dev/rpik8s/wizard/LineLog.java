package dev.rpik8s.wizard;

import java.util.HashMap;
import java.util.Map;

/**
 * What a line-by-line front end last printed for each host, so that it prints a host again only when its line
 * changed: a log of a 12-host step reads as 12 short histories, not 12 tables.
 */
public final class LineLog {

    private final Map<String, String> printed = new HashMap<>();

    /** True (and remembered) when {@code line} is news for {@code host}. */
    public synchronized boolean isNew(String host, String line) {
        return !line.equals(printed.put(host, line));
    }

    /** A new table begins (a new step): every host's next line is news. */
    public synchronized void clear() {
        printed.clear();
    }
}
