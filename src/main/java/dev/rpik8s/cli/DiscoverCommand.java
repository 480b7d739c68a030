package dev.rpik8s.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "discover", mixinStandardHelpOptions = true,
        description = "Find the Pis in address ranges and print what each can run, without the wizard.")
final class DiscoverCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RANGE", arity = "1..*",
            description = "CIDR (192.168.1.0/24), range (10.0.0.20-40), address or host name.")
    List<String> ranges;

    @Option(names = "--port", defaultValue = "22", description = "SSH port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--user", description = "Login user (default: from ~/.ssh/config, else your user name).")
    String user;

    @Option(names = "-i", paramLabel = "KEY", description = "Private key to log in with.")
    Path identity;

    @Option(names = "--known-hosts", paramLabel = "FILE", description = "Extra known_hosts file to check host keys against.")
    Path knownHosts;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        throw OperatorError.notYet("Discovery", "Meanwhile: 'rpik8s-tui lab up' prints the address of each virtual Pi.");
    }
}
