package dev.rpik8s.cli;

import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.session.Session;
import dev.rpik8s.session.StateDir;
import dev.rpik8s.wizard.FlowReview;
import dev.rpik8s.wizard.flow.Flow;
import dev.rpik8s.wizard.run.Connections;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "plan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print, per host, every command and file a flow would run or write, changing nothing.",
                "Each file is compared with what its host has now: read as root over SSH, logged in as the wizard's run would,"
                        + " asking nothing. The read is the only command run."})
final class PlanCommand implements Callable<Integer> {

    private final StateDir state;
    private final Path home;

    @Option(names = "--session", paramLabel = "NAME", description = "Session whose cluster plan to show.")
    String session;

    @Option(names = "--flow", paramLabel = "ID", defaultValue = "deploy", description = "Flow to plan (default: ${DEFAULT-VALUE}).")
    String flow;

    @Mixin
    FlowSetup flows;

    @Option(names = "--offline", description = "Read nothing on the hosts: each file is shown whole, as it would be written.")
    boolean offline;

    @Spec
    CommandSpec spec;

    PlanCommand() {
        this(StateDir.fromEnvironment(), Path.of(System.getProperty("user.home")));
    }

    /** For tests: sessions in a state directory of their own, and a home whose ~/.ssh is theirs. */
    PlanCommand(StateDir state, Path home) {
        this.state = state;
        this.home = home;
    }

    @Override
    public Integer call() throws IOException {
        Session s = SavedSession.open(state, session, "rpik8s-tui plan --session NAME");
        ClusterPlan plan = s.spec().plan().orElseThrow(() -> new OperatorError("The session '" + s.name() + "' has no cluster plan yet: run the "
                + "wizard on it (rpik8s-tui --session " + s.name() + ") through discovery and the racks-and-roles board first."));
        if (!offline && s.spec().scan().isEmpty()) {
            throw new OperatorError("The session '" + s.name() + "' has no login for its hosts (no discovery ran in it): run discovery in the "
                    + "wizard, or see the plan without reading the hosts with --offline.");
        }
        Flow f = flows.flow(flow);
        Optional<Connections> hosts = offline ? Optional.empty() : Optional.of(FlowSetup.unattended(s, home, spec.commandLine().getErr()));
        FlowReview review = FlowReview.dryRun(flows.templates(), hosts, f, plan);
        PrintWriter out = spec.commandLine().getOut();
        out.println(f.title() + " (flow " + f.id() + ") on the plan of session '" + s.name() + "': " + plan.hosts().size()
                + (plan.hosts().size() == 1 ? " host, " : " hosts, ") + f.steps().size() + (f.steps().size() == 1 ? " step." : " steps.")
                + " Nothing is changed on any host.");
        out.println(offline ? "Files are shown whole: --offline reads nothing on the hosts."
                : "Files are compared with what each host has now: read with cat as root, the only command run (host logs: " + s.logs() + ").");
        out.println();
        review.text().forEach(out::println);
        if (f.id().equals("deploy")) {    // the one flow the wizard runs so far
            out.println("To run it: rpik8s-tui --session " + s.name() + (flows.wizards == null ? "" : " --wizards " + flows.wizards));
        }
        return Cli.OK;
    }
}
