package dev.rpik8s.session.inventory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** group_vars/ and host_vars/ as Ansible looks in them: NAME, NAME.yml, NAME.yaml or NAME.json for each group and host. */
final class VarsDirectories {

    static final String GROUPS = "group_vars";
    static final String HOSTS = "host_vars";

    private final Path dir;
    private final Set<Path> found = new HashSet<>();

    VarsDirectories(Path dir) {
        this.dir = dir;
    }

    /**
     * The vars file of a group or host, as {@code group_vars/NAME.yml}; none, with a problem said, when it is a
     * directory of files or when there are two.
     */
    Optional<String> find(String sub, String name, List<String> problems) {
        List<Path> files = new ArrayList<>();
        for (String ext : List.of("", ".yml", ".yaml", ".json")) {
            Path p = dir.resolve(sub).resolve(name + ext);
            if (Files.exists(p)) {
                files.add(p);
                found.add(p);
            }
        }
        if (files.isEmpty()) {
            return Optional.empty();
        }
        String shown = sub + "/" + files.get(0).getFileName();
        if (Files.isDirectory(files.get(0))) {
            problems.add(shown + "/ is a directory: rpik8s-tui reads one vars file per " + whose(sub) + " (" + sub + "/" + name
                    + ".yml); merge its files into that one and import again.");
            return Optional.empty();
        }
        if (files.size() > 1) {
            problems.add(shown + " and " + files.get(1).getFileName() + " both hold the variables of " + name + ": merge them into one file.");
            return Optional.empty();
        }
        return Optional.of(shown);
    }

    /** What no group or host of the hosts file took, each with why it is left out. */
    List<String> leftOut() throws IOException {
        List<String> left = new ArrayList<>();
        for (String sub : List.of(GROUPS, HOSTS)) {
            Path d = dir.resolve(sub);
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> files = Files.list(d)) {
                files.filter(p -> !found.contains(p) && !p.getFileName().toString().startsWith(".")).sorted().forEach(p ->
                        left.add(sub + "/" + p.getFileName() + ": not imported, and not written back: it is not the vars file of a "
                                + whose(sub) + " in hosts, so Ansible does not read it either."));
            }
        }
        return left;
    }

    private static String whose(String sub) {
        return sub.equals(GROUPS) ? "group" : "host";
    }
}
