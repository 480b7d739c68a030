package dev.rpik8s.cli;

import dev.rpik8s.lab.Lab;
import dev.rpik8s.lab.LabControl;
import dev.rpik8s.lab.LabOptions;
import dev.rpik8s.session.StateDir;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "A lab of virtual Raspberry Pis on this machine, each with its own SSH server and files.")
final class LabCommand {

    @Spec
    CommandSpec spec;

    @Command(name = "up", mixinStandardHelpOptions = true,
            description = "Start a lab in the background; returns when every Pi answers SSH.")
    int up(@Option(names = "--racks", defaultValue = "3", description = "Racks (default: ${DEFAULT-VALUE}).") int racks,
           @Option(names = "--per-rack", defaultValue = "4", description = "Pis per rack (default: ${DEFAULT-VALUE}).") int perRack,
           @Option(names = "--profile", defaultValue = "mixed", description = "mixed, legacy or modern (default: ${DEFAULT-VALUE}).") String profile,
           @Option(names = "--dir", paramLabel = "DIR", description = "Lab directory (default: the state dir's lab/).") Path dir) {
        Path labDir = dir(dir);
        PrintWriter out = spec.commandLine().getOut();
        if (!InstallOffer.forLab("The lab", out)) {
            return Cli.FAILED;
        }
        try {
            boolean was = LabControl.status(labDir).isPresent();
            LabControl.Status status = LabControl.up(new LabOptions(labDir, profile, racks, perRack));
            out.println(was ? "A lab is already up in " + labDir + " (pid " + status.pid() + "); 'lab down' first to start another."
                    : "Lab up in " + labDir + ": " + status.pis().size() + " Pis (" + profile + ", " + racks + " racks of " + perRack + ").");
            print(out, labDir, status);
            out.println("Stop it:     rpik8s-tui lab down" + (dir == null ? "" : " --dir " + labDir));
            return Cli.OK;
        } catch (IllegalArgumentException | IOException e) {
            throw new OperatorError(Cli.message(e));
        }
    }

    @Command(name = "down", mixinStandardHelpOptions = true, description = "Stop the lab and everything it started.")
    int down(@Option(names = "--dir", paramLabel = "DIR", description = "Lab directory (default: the state dir's lab/).") Path dir) {
        Path labDir = dir(dir);
        try {
            boolean was = LabControl.down(labDir);
            spec.commandLine().getOut().println(was ? "Lab in " + labDir + " stopped; nothing it started is running."
                    : "No lab was running in " + labDir + ".");
            return Cli.OK;
        } catch (IOException e) {
            throw new OperatorError("Could not stop the lab in " + labDir + ": " + Cli.message(e));
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "List the lab's Pis and what runs on them.")
    int status(@Option(names = "--dir", paramLabel = "DIR", description = "Lab directory (default: the state dir's lab/).") Path dir) {
        Path labDir = dir(dir);
        PrintWriter out = spec.commandLine().getOut();
        try {
            Optional<LabControl.Status> status = LabControl.status(labDir);
            if (status.isEmpty()) {
                out.println("No lab is running in " + labDir + ". Start one with: rpik8s-tui lab up");
                return Cli.FAILED;
            }
            out.println("Lab in " + labDir + " (pid " + status.get().pid() + "):");
            print(out, labDir, status.get());
            return Cli.OK;
        } catch (IOException e) {
            throw new OperatorError("Could not read the lab in " + labDir + ": " + Cli.message(e));
        }
    }

    private static Path dir(Path given) {
        return (given != null ? given : StateDir.fromEnvironment().lab()).toAbsolutePath();
    }

    private static void print(PrintWriter out, Path dir, LabControl.Status status) {
        List<Lab.PiInfo> pis = status.pis();
        out.printf("  %-10s %-4s %-12s %-5s %-4s %-5s %s%n", "PI", "RACK", "ADDRESS", "PORT", "SSH", "ETCD", "MODEL");
        for (Lab.PiInfo p : pis) {
            out.printf("  %-10s %-4d %-12s %-5d %-4s %-5s %s%n", p.name(), p.rack(), p.address(), p.port(),
                    p.up() ? "up" : "down", p.etcd().word(), p.model());
        }
        out.println("Client key:  " + LabControl.clientKey(dir));
        out.println("known_hosts: " + LabControl.knownHosts(dir));
        if (!pis.isEmpty()) {
            Lab.PiInfo first = pis.get(0);
            out.println("Log in:      ssh -i " + LabControl.clientKey(dir) + " -o UserKnownHostsFile=" + LabControl.knownHosts(dir)
                    + " -p " + first.port() + " root@" + first.address());
        }
        out.println("Lab log:     " + LabControl.log(dir));
    }
}
