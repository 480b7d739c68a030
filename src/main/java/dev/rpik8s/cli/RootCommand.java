package dev.rpik8s.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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

    @Override
    public Integer call() {
        throw OperatorError.notYet("The wizard",
                "Meanwhile: 'rpik8s-tui lab up' starts virtual Pis you can reach with ssh.");
    }
}
