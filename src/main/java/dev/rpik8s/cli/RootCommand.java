package dev.rpik8s.cli;

import dev.rpik8s.lab.Lab;
import dev.rpik8s.lab.LabControl;
import dev.rpik8s.lab.LabOptions;
import dev.rpik8s.discovery.Discovery;
import dev.rpik8s.discovery.LocalNetworks;
import dev.rpik8s.plain.PlainUi;
import dev.rpik8s.remote.HostLog;
import dev.rpik8s.remote.SshContext;
import dev.rpik8s.session.StateDir;
import dev.rpik8s.tui.Tui;
import dev.rpik8s.wizard.DiscoveryForm;
import dev.rpik8s.wizard.DiscoveryStep;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "rpik8s-tui",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "From a stack of Raspberry Pis on your LAN to a kubeadm Kubernetes cluster,",
            "and later from one control-plane node to three, with the etcd quorum in view.",
            "",
            "With no sub-command, runs the wizard (full screen; --plain for line prompts)."
        },
        subcommands = {
            LabCommand.class,
            DiscoverCommand.class,
            InventoryCommand.class,
            PlanCommand.class,
            EtcdCommand.class,
            SessionsCommand.class
        },
        footer = {
            "",
            "Exit status: 0 done, 1 failed (the message says why), 2 bad command line, 3 not built yet.",
            "Logs: $XDG_STATE_HOME/rpik8s (default ~/.local/state/rpik8s), never on the terminal."
        })
final class RootCommand implements Callable<Integer> {

    @Option(names = "--lab", description = "Run against a lab of virtual Pis started for this run (the playground).")
    boolean lab;

    @Option(names = "--plain", description = "Line-by-line prompts instead of full screen (dumb terminals, serial consoles, screen readers).")
    boolean plain;

    @Option(names = "--answers", paramLabel = "FILE", description = "Ask nothing: take every answer from FILE (written at the end of an interactive session).")
    Path answers;

    @Option(names = "--session", paramLabel = "NAME", description = "Session to start or resume (default: offered on start).")
    String session;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (answers != null) {
            throw OperatorError.notYet("Running from an answers file", "Run without --answers meanwhile.");
        }
        StateDir state = StateDir.fromEnvironment();
        String name = session != null ? session : lab ? "lab" : "default";
        Path sessionDir = privateDir(state.session(name));
        if (!lab) {
            String ranges = String.join(" ", LocalNetworks.offered());
            discover("discovery on your LAN", new DiscoveryForm(ranges, "22", "pi", ""), sessionDir, state);
            return Cli.OK;
        }
        PrintWriter out = spec.commandLine().getOut();
        Optional<LabControl.Status> running = LabControl.status(state.lab());
        if (running.isPresent()) {
            // a lab from `lab up` is the operator's: used as it is, and left running
            discover("lab of " + running.get().pis().size() + " virtual Pis (from lab up)", labForm(running.get().pis(), state.lab()), sessionDir, state);
            return Cli.OK;
        }
        if (!InstallOffer.forLab("The lab", out)) {
            return Cli.FAILED;
        }
        LabOptions options = LabOptions.defaults(state.lab());
        out.printf("Starting the lab: %d virtual Pis in %s ...%n", options.racks() * options.perRack(), options.dir());
        out.flush();
        try (Lab started = Lab.start(options)) {
            discover("lab of " + started.pis().size() + " virtual Pis", labForm(started.pis(), state.lab()), sessionDir, state);
        }
        out.println("Lab stopped.");
        return Cli.OK;
    }

    /** The discovery step, full screen or --plain, over the session's SSH (its own known_hosts, a log per host). */
    private void discover(String what, DiscoveryForm defaults, Path sessionDir, StateDir state) throws IOException, InterruptedException {
        Path logs = privateDir(sessionDir.resolve("logs"));
        Path home = Path.of(System.getProperty("user.home"));
        DiscoveryStep step = new DiscoveryStep(prompter -> new Discovery(new SshContext(home, sessionDir.resolve("known_hosts"),
                Map.of(), prompter, endpoint -> HostLog.inDirectory(logs, endpoint.name())))::run, defaults, logs.toString());
        if (plain) {
            PlainUi.onSystemTerminal().discover(step);
        } else {
            Tui.showDiscovery("rpik8s-tui  ·  discovery  ·  " + what, step, state.toolLog());
        }
    }

    /** The lab's Pis as the fields would name them: their address range, root, the lab's client key. */
    private static DiscoveryForm labForm(List<Lab.PiInfo> pis, Path labDir) {
        String first = pis.get(0).address();
        String last = pis.get(pis.size() - 1).address();
        String ranges = first + "-" + last.substring(last.lastIndexOf('.') + 1);
        return new DiscoveryForm(ranges, Integer.toString(pis.get(0).port()), "root", LabControl.clientKey(labDir).toString());
    }

    private static Path privateDir(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        return dir;
    }
}
