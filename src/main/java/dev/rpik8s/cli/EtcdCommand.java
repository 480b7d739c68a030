package dev.rpik8s.cli;

import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.cluster.Role;
import dev.rpik8s.etcd.Logins;
import dev.rpik8s.etcd.QuorumProbe;
import dev.rpik8s.etcd.QuorumState;
import dev.rpik8s.etcd.QuorumTable;
import dev.rpik8s.etcd.QuorumWatch;
import dev.rpik8s.session.Session;
import dev.rpik8s.session.StateDir;
import dev.rpik8s.wizard.run.Connections;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "etcd", mixinStandardHelpOptions = true,
        description = "The cluster's etcd, seen from your machine through SSH tunnels.",
        subcommands = EtcdCommand.Status.class)
final class EtcdCommand {

    @Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Print the quorum table once: members, leader, raft index, health, fault tolerance.",
                    "Each member is asked directly, through an SSH tunnel to its own client port with the client certificate"
                            + " kubeadm made (read as root from a control-plane node, kept in memory), so the table answers while"
                            + " quorum is lost too. Nothing is changed.",
                    "Exit status: 0 with quorum, 1 without (or when no member answered)."})
    static final class Status implements Callable<Integer> {

        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

        private final StateDir state;
        private final Path home;

        @Option(names = "--session", paramLabel = "NAME", description = "Session naming the control-plane hosts and how to log in.")
        String session;

        @Option(names = "--watch", description = "Keep looking, every second, and print the table again whenever it changes (Ctrl-C ends).")
        boolean watch;

        @Spec
        CommandSpec spec;

        Status() {
            this(StateDir.fromEnvironment(), Path.of(System.getProperty("user.home")));
        }

        /** For tests: sessions in a state directory of their own, and a home whose ~/.ssh is theirs. */
        Status(StateDir state, Path home) {
            this.state = state;
            this.home = home;
        }

        @Override
        public Integer call() throws IOException, InterruptedException {
            Session s = SavedSession.open(state, session, "rpik8s-tui etcd status --session NAME");
            ClusterPlan plan = s.spec().plan().orElseThrow(() -> new OperatorError("The session '" + s.name()
                    + "' has no cluster plan, so it names no control-plane host: run the wizard on it first (rpik8s-tui --session "
                    + s.name() + ")."));
            List<String> masters = plan.hostsWith(Role.MASTER).stream().map(PlannedHost::address).toList();
            if (masters.isEmpty()) {
                throw new OperatorError("The plan of session '" + s.name() + "' has no master: give a host the master role on the"
                        + " racks-and-roles board first.");
            }
            if (s.spec().scan().isEmpty()) {
                throw new OperatorError("The session '" + s.name() + "' has no login for its hosts (no discovery ran in it): run discovery"
                        + " in the wizard first.");
            }
            Connections connections = FlowSetup.unattended(s, home, spec.commandLine().getErr());
            Logins logins = address -> {
                Optional<PlannedHost> host = plan.hosts().stream().filter(h -> h.address().equals(address)).findFirst();
                return host.isEmpty() ? Optional.empty() : Optional.of(connections.open(host.get()));
            };
            PrintWriter out = spec.commandLine().getOut();
            out.println("etcd of cluster " + plan.name() + " (session " + s.name() + "), each member asked through SSH (host logs: "
                    + s.logs() + ").");
            QuorumProbe probe = new QuorumProbe(logins, masters, Clock.systemUTC(), Duration.ofMillis(900));
            if (!watch) {
                try (probe) {
                    QuorumState once = probe.look();
                    print(out, once);
                    return once.hasQuorum() ? Cli.OK : Cli.FAILED;
                }
            }
            AtomicReference<List<Object>> shown = new AtomicReference<>();
            try (QuorumWatch w = new QuorumWatch(probe, Duration.ofSeconds(1), now -> {
                if (!now.shape().equals(shown.getAndSet(now.shape()))) {
                    print(out, now);
                }
            }).start()) {
                Thread.currentThread().join();
            } catch (InterruptedException e) {
                // Ctrl-C, or the caller stopped the watch
            }
            return Cli.OK;
        }

        private static void print(PrintWriter out, QuorumState state) {
            out.println();
            out.println(TIME.format(state.at().atZone(ZoneId.systemDefault())));
            QuorumTable.lines(state).forEach(out::println);
            out.flush();
        }
    }
}
