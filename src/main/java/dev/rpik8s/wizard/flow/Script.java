package dev.rpik8s.wizard.flow;

import java.util.List;
import java.util.Optional;

/**
 * A check, an action or a verification: a command rendered from a template under {@code templates/}, or written
 * in the flow itself (also rendered, so it can use the host's values), and the files to place before it runs. An
 * action may be files only.
 *
 * @param template a path under {@code templates/}, as {@code host-prep/hostname.sh}
 * @param run      the command text written in the flow
 */
public record Script(Optional<String> template, Optional<String> run, List<FileToPlace> files) {

    public Script {
        if (template.isPresent() && run.isPresent()) {
            throw new IllegalArgumentException("A script is a template or a command, not both.");
        }
        files = List.copyOf(files);
    }

    public static Script template(String path) {
        return new Script(Optional.of(path), Optional.empty(), List.of());
    }

    public static Script run(String command) {
        return new Script(Optional.empty(), Optional.of(command), List.of());
    }

    public Script placing(FileToPlace... more) {
        return new Script(template, run, List.of(more));
    }

    /** A script that only places files has no command to run. */
    public boolean hasCommand() {
        return template.isPresent() || run.isPresent();
    }
}
