package dev.rpik8s.cli;

import dev.rpik8s.discovery.Discovery;
import dev.rpik8s.discovery.DiscoveryListener;
import dev.rpik8s.discovery.DiscoveryRequest;
import dev.rpik8s.cluster.DiscoveredHost;
import dev.rpik8s.discovery.KeyTrust;
import dev.rpik8s.discovery.NewHostKey;
import dev.rpik8s.discovery.ScanTarget;
import dev.rpik8s.remote.HostLog;
import dev.rpik8s.remote.SshContext;
import dev.rpik8s.session.StateDir;
import dev.rpik8s.wizard.LargeScan;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "discover", mixinStandardHelpOptions = true,
        description = "Find the Pis in address ranges and print what each can run, without the wizard.",
        footer = {"", "New host keys are asked about once, all together, at a terminal; without one they are refused and listed.",
            "Trusted keys go to $XDG_STATE_HOME/rpik8s/known_hosts, never to ~/.ssh/known_hosts.",
            "Exit status: 0 the scan ran (hosts that failed say why in the output), 1 nothing answered SSH, 2 bad command line."})
final class DiscoverCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RANGE", arity = "1..*",
            description = "CIDR (192.168.1.0/24), range (10.0.0.20-40), address, host name; mdns:"
                    + " the hosts that announce themselves over mDNS (Raspberry Pi OS from 2025-05 does); neighbours:"
                    + " the Raspberry Pis (by MAC) in this machine's ARP table (Linux).")
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

    @Option(names = "--yes", description = "Scan more than " + ScanTarget.LARGE + " addresses (a /22) without asking.")
    boolean yes;

    @Spec
    CommandSpec spec;

    /** What a person types, or null when nobody can answer. */
    private final Supplier<BufferedReader> terminal;

    DiscoverCommand() {
        this(() -> Tty.stdin() ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)) : null);
    }

    /** @param terminal what a person types (a test's lines), or null when nobody can answer */
    DiscoverCommand(Supplier<BufferedReader> terminal) {
        this.terminal = terminal;
    }

    /** Rows that got as far as an SSH server: the scan found something to report on. */
    private static final Set<DiscoveredHost.Stage> NOT_FOUND = EnumSet.of(DiscoveredHost.Stage.PROBING, DiscoveredHost.Stage.NO_SSH, DiscoveredHost.Stage.UNREACHABLE);

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<ScanTarget> targets = targets();
        checkFiles();
        BufferedReader stdin = terminal.get();
        boolean tty = stdin != null;
        long addresses = targets.stream().mapToLong(ScanTarget::size).sum();
        DiscoveryRequest request = DiscoveryRequest.of(targets, port, user == null ? "" : user,
                identity == null ? List.of() : List.of(identity));
        Optional<LargeScan> large = LargeScan.of(request);
        if (large.isPresent() && !yes && !confirmLarge(large.get(), stdin, err)) {
            err.println("Nothing scanned.");
            return Cli.FAILED;
        }

        StateDir state = StateDir.fromEnvironment();
        Path logs = state.root().resolve("discover");
        SshContext ssh = new SshContext(Path.of(System.getProperty("user.home")), state.root().resolve("known_hosts"),
                knownHosts == null ? List.of() : List.of(knownHosts), Map.of(), new CliPrompter(), e -> HostLog.inDirectory(logs, e.name()));
        KeyTrust trust = tty ? new KeyQuestion(stdin, err) : unknown -> Set.of();
        err.println("Scanning " + addresses + " address" + (addresses == 1 ? "" : "es") + lookups(targets) + " on port " + port + " ...");
        err.flush();
        List<DiscoveredHost> rows = new Discovery(ssh).run(request, List.of(), trust, notesTo(err));   // rows print once, at the end

        out.print(json ? DiscoveryOutput.json(rows) : DiscoveryOutput.table(rows));
        out.flush();
        if (!tty) {
            adviseOnRefusedKeys(rows, err);
        }
        err.println("Per-host logs: " + logs);
        if (rows.stream().allMatch(r -> NOT_FOUND.contains(r.stage()))) {
            err.println("Nothing answered SSH on port " + port + " in " + String.join(" ", ranges)
                    + ". Check the range, or give the port SSH listens on with --port.");
            return Cli.FAILED;
        }
        return Cli.OK;
    }

    /** Each RANGE, or several separated by commas; a bad one is a usage error with ScanTarget's words. */
    private List<ScanTarget> targets() {
        List<ScanTarget> out = new ArrayList<>();
        for (String arg : ranges) {
            for (String typed : arg.split(",")) {
                if (typed.isBlank()) {
                    continue;
                }
                try {
                    out.add(ScanTarget.parse(typed));
                } catch (IllegalArgumentException e) {
                    throw new OperatorError(e.getMessage(), Cli.USAGE);
                }
            }
        }
        if (out.isEmpty()) {
            throw new OperatorError("No range given: type a CIDR (192.168.1.0/24), a range (10.0.0.20-40), an address, a host name,"
                    + " mdns or neighbours.", Cli.USAGE);
        }
        return out;
    }

    /** " and the hosts mDNS finds and the Pis of the ARP table", as the words ask. */
    private static String lookups(List<ScanTarget> targets) {
        return targets.stream().filter(ScanTarget.Lookup.class::isInstance)
                .map(t -> t instanceof ScanTarget.Mdns ? " and the hosts mDNS finds" : " and the Pis of the ARP table")
                .distinct().collect(java.util.stream.Collectors.joining());
    }

    /** Says what the run noted (mDNS found no interface) as it happens; the rows wait for the table. */
    private static DiscoveryListener notesTo(PrintWriter err) {
        return new DiscoveryListener() {
            @Override
            public void note(String note) {
                err.println(note);
                err.flush();
            }
        };
    }

    private void checkFiles() {
        if (port < 1 || port > 65535) {
            throw new OperatorError("--port " + port + " is not a TCP port (1-65535).", Cli.USAGE);
        }
        if (identity != null && !Files.isReadable(identity)) {
            throw new OperatorError("-i " + identity + ": cannot read that key file.", Cli.USAGE);
        }
        if (knownHosts != null && !Files.isReadable(knownHosts)) {
            throw new OperatorError("--known-hosts " + knownHosts + ": cannot read that file.", Cli.USAGE);
        }
    }

    /** Asked at a terminal; without one, --yes is the answer. */
    private static boolean confirmLarge(LargeScan large, BufferedReader stdin, PrintWriter err) throws IOException {
        if (stdin == null) {
            throw new OperatorError(large.what() + ": add --yes to scan them all, or give a smaller range.", Cli.USAGE);
        }
        err.print(large.text() + ". Scan them all? [y/N] ");
        err.flush();
        String answer = stdin.readLine();
        return answer != null && List.of("y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT));
    }

    /** Without a terminal no key was trusted: list them, and say how to trust them. */
    private static void adviseOnRefusedKeys(List<DiscoveredHost> rows, PrintWriter err) {
        List<NewHostKey> refused = rows.stream().filter(r -> r.stage() == DiscoveredHost.Stage.KEY_REFUSED && r.hostKey().isPresent())
                .map(r -> {
                    String[] typeAndFingerprint = r.hostKey().get().split(" ", 2);
                    return new NewHostKey(r.address(), r.port(), typeAndFingerprint[0], typeAndFingerprint[1]);
                }).toList();
        if (refused.isEmpty()) {
            return;
        }
        err.println(refused.size() + " new host key" + (refused.size() == 1 ? " was" : "s were")
                + " not trusted (no terminal to ask at), so " + (refused.size() == 1 ? "its host was" : "their hosts were")
                + " not logged in to:");
        KeyQuestion.list(err, refused);
        err.println("To trust them, compare each with the host's own (ssh-keygen -lf /etc/ssh/ssh_host_ecdsa_key.pub, run on it), then");
        err.println("run this again at a terminal and answer y, or give a known_hosts file that holds them with --known-hosts FILE");
        err.println("(a lab's known_hosts: see 'rpik8s-tui lab status').");
    }
}
