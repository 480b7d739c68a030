package dev.rpik8s.session;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What must never be written in clear (join token, certificate key, sudo password): text bound for the
 * journal or a log is masked first. Secrets learned during a run (the join token after init) are added
 * as they come; the journal masks with whatever is known at the time of each event.
 */
public final class Secrets {

    static final String MASK = "********";

    private final CopyOnWriteArrayList<String> known = new CopyOnWriteArrayList<>();

    public static Secrets none() {
        return new Secrets();
    }

    public static Secrets of(Collection<String> secrets) {
        Secrets s = new Secrets();
        secrets.forEach(s::add);
        return s;
    }

    /** An empty secret is ignored: there is nothing to mask, and masking "" would mask everywhere. */
    public void add(String secret) {
        if (secret != null && !secret.isEmpty()) {
            known.addIfAbsent(secret);
        }
    }

    /** Every secret known now, for what masks on its own (the SSH layer's host logs). */
    public List<String> all() {
        return List.copyOf(known);
    }

    /** The text with every known secret replaced by a mask; longest first, so a secret holding another is masked whole. */
    public String mask(String text) {
        String masked = text;
        for (String secret : known.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }
}
