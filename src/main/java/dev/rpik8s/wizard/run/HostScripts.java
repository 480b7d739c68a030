package dev.rpik8s.wizard.run;

import java.util.List;
import java.util.Optional;

/**
 * One step rendered for one host: what would run there and what would be placed, as the plan shows it and the run
 * executes it. A step of a named kind has no action command; its work is done in Java.
 */
public record HostScripts(Optional<String> check, List<PlacedFile> files, Optional<String> action,
        Optional<String> verify) {

    public HostScripts {
        files = List.copyOf(files);
    }
}
