package dev.rpik8s.remote;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part of {@code ~/.ssh/config} this tool honours: Host blocks (with {@code * ? !}
 * patterns), HostName, User, Port, IdentityFile and Include. SSHJ 0.40 reads no OpenSSH config,
 * so this small reader follows ssh_config(5): the first value obtained wins, except IdentityFile
 * which adds up. Match blocks are not evaluated (their lines are skipped, and logged).
 */
final class SshConfig {

    private static final Logger LOG = LoggerFactory.getLogger(SshConfig.class);

    private static final Pattern KEYWORD = Pattern.compile("([^\\s=]+)\\s*(?:=\\s*)?(.*)");

    private final Path home;
    private final String host;
    private final Map<String, String> first = new LinkedHashMap<>();
    private final List<String> identityFiles = new ArrayList<>();

    private SshConfig(Path home, String host) {
        this.home = home;
        this.host = host;
    }

    /** The options that apply to {@code host} as the operator typed it; absent file = no options. */
    static SshConfig forHost(Path home, String host) throws IOException {
        SshConfig c = new SshConfig(home, host);
        Path file = home.resolve(".ssh/config");
        if (Files.isRegularFile(file)) {
            c.read(file, true, 0);
        }
        return c;
    }

    String value(String keyword) {
        return first.get(keyword.toLowerCase(Locale.ROOT));
    }

    List<String> identityFiles() {
        return List.copyOf(identityFiles);
    }

    /** @return whether the block open at the end of the file applies (Include continues it). */
    private boolean read(Path file, boolean applies, int depth) throws IOException {
        if (depth > 8) {
            throw new IOException("Include nested too deep at " + file);
        }
        boolean on = applies;
        for (String raw : Files.readAllLines(file)) {
            List<String> words = words(raw);
            if (words.isEmpty()) {
                continue;
            }
            String keyword = words.get(0).toLowerCase(Locale.ROOT);
            List<String> args = words.subList(1, words.size());
            switch (keyword) {
                case "host" -> on = matches(args);
                case "match" -> {
                    LOG.debug("{}: Match blocks are not evaluated; skipping: {}", file, raw.strip());
                    on = false;
                }
                case "include" -> {
                    if (on) {
                        for (String pattern : args) {
                            for (Path included : expandInclude(pattern)) {
                                on = read(included, on, depth + 1);
                            }
                        }
                    }
                }
                case "identityfile" -> {
                    if (on && !args.isEmpty()) {
                        identityFiles.add(args.get(0));
                    }
                }
                default -> {
                    if (on && !args.isEmpty()) {
                        first.putIfAbsent(keyword, args.get(0));
                    }
                }
            }
        }
        return on;
    }

    private boolean matches(List<String> patterns) {
        boolean any = false;
        for (String p : patterns) {
            boolean negated = p.startsWith("!");
            if (glob(negated ? p.substring(1) : p).matcher(host).matches()) {
                if (negated) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    private static Pattern glob(String pattern) {
        StringBuilder re = new StringBuilder();
        for (char ch : pattern.toCharArray()) {
            switch (ch) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE);
    }

    /** Include takes globs, relative to ~/.ssh when not absolute; files are read in sorted order. */
    private List<Path> expandInclude(String pattern) throws IOException {
        Path p = Path.of(tilde(pattern));
        if (!p.isAbsolute()) {
            p = home.resolve(".ssh").resolve(p);
        }
        Path dir = p.getParent();
        List<Path> found = new ArrayList<>();
        if (dir != null && Files.isDirectory(dir)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, p.getFileName().toString())) {
                ds.forEach(f -> {
                    if (Files.isRegularFile(f)) {
                        found.add(f);
                    }
                });
            }
        }
        found.sort(null);
        return found;
    }

    String tilde(String path) {
        if (path.equals("~")) {
            return home.toString();
        }
        return path.startsWith("~/") ? home.resolve(path.substring(2)).toString() : path;
    }

    /** Splits a line into keyword and arguments: blanks or one '=' end the keyword, double quotes group. */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        Matcher m = KEYWORD.matcher(line.strip());
        if (!m.matches() || m.group(1).startsWith("#")) {
            return out;
        }
        out.add(m.group(1));
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (char c : m.group(2).toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                inWord = true;
            } else if (!quoted && Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            out.add(cur.toString());
        }
        return out;
    }
}
