package dev.rpik8s.cli;

import dev.rpik8s.lab.Lab;
import dev.rpik8s.lab.LabControl;
import dev.rpik8s.lab.LabOptions;
import dev.rpik8s.plain.PlainUi;
import dev.rpik8s.session.StateDir;
import dev.rpik8s.tui.Tui;
import dev.rpik8s.wizard.Playground;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
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
    public Integer call() throws IOException {
        if (!lab) {
            throw OperatorError.notYet("The wizard on real Pis",
                    "Meanwhile: 'rpik8s-tui --lab' shows it on virtual Pis, and 'rpik8s-tui lab up' starts them for ssh.");
        }
        if (answers != null) {
            throw OperatorError.notYet("Running from an answers file", "Run 'rpik8s-tui --lab' without --answers meanwhile.");
        }
        StateDir state = StateDir.fromEnvironment();
        PrintWriter out = spec.commandLine().getOut();
        Optional<LabControl.Status> running = LabControl.status(state.lab());
        if (running.isPresent()) {
            // a lab from `lab up` is the operator's: used as it is, and left running
            show(playground(running.get().pis(), state.lab()), state.toolLog());
            return Cli.OK;
        }
        if (!InstallOffer.forLab("The lab", out)) {
            return Cli.FAILED;
        }
        LabOptions options = LabOptions.defaults(state.lab());
        out.printf("Starting the lab: %d virtual Pis in %s ...%n", options.racks() * options.perRack(), options.dir());
        out.flush();
        try (Lab started = Lab.start(options)) {
            show(playground(started.pis(), state.lab()), state.toolLog());
        } catch (IllegalStateException e) {
            throw new OperatorError(e.getMessage());
        }
        out.println("Lab stopped.");
        return Cli.OK;
    }

    private void show(Playground playground, Path log) throws IOException {
        if (plain) {
            PlainUi.onSystemTerminal().showPlayground(playground);
        } else {
            Tui.showPlayground(playground, log);
        }
    }

    private static Playground playground(List<Lab.PiInfo> pis, Path labDir) {
        return new Playground(pis.stream().map(p -> new Playground.Host(p.name(), p.address(), p.port(), p.model() + ", rack " + p.rack()))
                .toList(), LabControl.clientKey(labDir), LabControl.knownHosts(labDir));
    }
}
