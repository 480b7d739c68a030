package dev.rpik8s.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "A lab of virtual Raspberry Pis on this machine, each with its own SSH server and files.")
final class LabCommand {

    @Command(name = "up", mixinStandardHelpOptions = true,
            description = "Start a lab in the background; returns when every Pi answers SSH.")
    int up(@Option(names = "--racks", defaultValue = "3", description = "Racks (default: ${DEFAULT-VALUE}).") int racks,
           @Option(names = "--per-rack", defaultValue = "4", description = "Pis per rack (default: ${DEFAULT-VALUE}).") int perRack,
           @Option(names = "--profile", defaultValue = "mixed", description = "mixed, legacy or modern (default: ${DEFAULT-VALUE}).") String profile,
           @Option(names = "--dir", paramLabel = "DIR", description = "Lab directory (default: the state dir's lab/).") Path dir) {
        throw OperatorError.notYet("The lab", "");
    }

    @Command(name = "down", mixinStandardHelpOptions = true, description = "Stop the lab and everything it started.")
    int down(@Option(names = "--dir", paramLabel = "DIR") Path dir) {
        throw OperatorError.notYet("The lab", "");
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "List the lab's Pis and what runs on them.")
    int status(@Option(names = "--dir", paramLabel = "DIR") Path dir) {
        throw OperatorError.notYet("The lab", "");
    }
}
