package dev.rpik8s.cli;

import dev.rpik8s.wizard.HostPrep;
import dev.rpik8s.wizard.flow.Flow;
import dev.rpik8s.lab.Lab;
import dev.rpik8s.lab.LabControl;
import dev.rpik8s.lab.LabOptions;
import dev.rpik8s.discovery.Discovery;
import dev.rpik8s.discovery.LocalNetworks;
import dev.rpik8s.plain.PlainUi;
import dev.rpik8s.remote.SshContext;
import dev.rpik8s.lab.LabPrerequisites;
import dev.rpik8s.session.Answers;
import dev.rpik8s.session.Session;
import dev.rpik8s.session.SessionException;
import dev.rpik8s.session.SessionHold;
import dev.rpik8s.session.SessionSummary;
import dev.rpik8s.session.StateDir;
import dev.rpik8s.session.Target;
import dev.rpik8s.tui.Tui;
import dev.rpik8s.wizard.ClusterReading;
import dev.rpik8s.wizard.DiscoveryForm;
import dev.rpik8s.wizard.DiscoveryStep;
import dev.rpik8s.wizard.Headless;
import dev.rpik8s.wizard.Leave;
import dev.rpik8s.wizard.Operator;
import dev.rpik8s.wizard.PlanStep;
import dev.rpik8s.wizard.SettingsStep;
import dev.rpik8s.wizard.SshQuestions;
import dev.rpik8s.wizard.StartChoice;
import dev.rpik8s.wizard.StartStep;
import dev.rpik8s.wizard.WaysToGrow;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
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
            "Exit status: 0 done, 1 failed (the message says why), 2 bad command line (or an answers file that cannot be read).",
            "Logs: $XDG_STATE_HOME/rpik8s (default ~/.local/state/rpik8s), never on the terminal."
        })
final class RootCommand implements Callable<Integer> {

    @Option(names = "--lab", description = "Run against a lab of virtual Pis started for this run (the playground).")
    boolean lab;

    @Option(names = "--plain", description = "Line-by-line prompts instead of full screen (dumb terminals, serial consoles, screen readers).")
    boolean plain;

    @Option(names = "--flow", paramLabel = "ID", defaultValue = "deploy", description = {
            "The flow the wizard runs after the plan review (default: ${DEFAULT-VALUE}).",
            "grow: read the running cluster after discovery and grow its control plane from one master to three, the way chosen on screen;",
            "expand-masters (kubeadm's way) or expand-masters-manual (the seed's steps) name the way."})
    String flow;

    @Option(names = "--answers", paramLabel = "FILE", description = "Ask nothing: take the answers from FILE (each session writes its answers.yaml; docs/answers.md).")
    Path answers;

    @Mixin
    FlowSetup flows;

    @Option(names = "--session", paramLabel = "NAME", description = "Session to start or resume (default: offered on start).")
    String session;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        StateDir state = StateDir.fromEnvironment();
        PrintWriter out = spec.commandLine().getOut();
        Optional<Answers> replay = answers == null ? Optional.empty() : Optional.of(readAnswers(answers));
        Optional<LabControl.Status> running = LabControl.status(state.lab());
        boolean onLab = lab || replay.map(a -> a.target() == Target.LAB).orElse(false);
        if (onLab && running.isEmpty() && !InstallOffer.forLab("The lab", out)) {
            return Cli.FAILED;
        }
        Headless headless = replay.map(a -> new Headless(a, Files.exists(state.session(a.session()).resolve("session.yaml")), out))
                .orElse(null);
        boolean labStopped = false;
        try (Operator op = headless != null ? headless : plain ? PlainUi.onSystemTerminal() : Tui.open(state.toolLog())) {
            Optional<StartChoice> choice = session != null ? Optional.of(named(session, state))
                    : op.start(new StartStep(state.sessions(), lab, running.isPresent() ? Optional.empty() : labUnavailable()));
            if (choice.isEmpty()) {
                return Cli.OK;
            }
            Session chosen = open(state, choice.get());
            try (SessionHold held = hold(chosen)) {
                labStopped = steps(op, chosen, choice.get(), running, replay, state);
            }
        }
        if (labStopped) {
            out.println("Lab stopped.");
        }
        return headless == null || headless.ok() ? Cli.OK : Cli.FAILED;
    }

    /** The wizard's steps in the session, on the lab or the network; true when it started (and so stopped) a lab. */
    private boolean steps(Operator op, Session chosen, StartChoice choice, Optional<LabControl.Status> running,
            Optional<Answers> replay, StateDir state) throws Exception {
        Map<String, String> pins = replay.flatMap(Answers::discovery).map(Answers.DiscoveryAnswers::hostKeys).orElse(Map.of());
        if (choice.target() == Target.NETWORK) {
            String ranges = String.join(" ", LocalNetworks.offered());
            discover(op, chosen, "your network", new DiscoveryForm(ranges, "22", "pi", ""), pins);
        } else if (running.isPresent()) {
            // a lab from `lab up` is the operator's: used as it is, and left running
            discover(op, chosen, "lab of " + running.get().pis().size() + " virtual Pis (from lab up)",
                    labForm(running.get().pis(), state.lab()), pins);
        } else {
            LabOptions options = LabOptions.defaults(state.lab());
            Lab started = op.working("Starting the lab: " + options.racks() * options.perRack() + " virtual Pis in " + options.dir() + " ...",
                    () -> Lab.start(options));
            try {
                discover(op, chosen, "lab of " + started.pis().size() + " virtual Pis", labForm(started.pis(), state.lab()), pins);
            } finally {
                op.working("Stopping the lab ...", () -> {
                    started.close();
                    return null;
                });
            }
        }
        return choice.target() == Target.LAB && running.isEmpty();
    }

    /** A file that cannot be used is a bad command line (exit 2): its message names the file, the line, the key. */
    private static Answers readAnswers(Path file) {
        try {
            return Answers.read(file);
        } catch (SessionException e) {
            throw new OperatorError(e.getMessage() + " (format: docs/answers.md)", Cli.USAGE);
        }
    }

    /** --session NAME: resumed where it was (lab or network, as it was saved), or started on what --lab says. */
    private StartChoice named(String name, StateDir state) throws IOException {
        Optional<Target> saved = Session.list(state.sessions()).stream().filter(s -> s.name().equals(name)).findFirst()
                .flatMap(SessionSummary::target);
        return new StartChoice(name, saved.orElse(lab ? Target.LAB : Target.NETWORK), saved.isPresent());
    }

    private static SessionHold hold(Session session) throws IOException {
        try {
            return session.hold();
        } catch (SessionException e) {
            throw new OperatorError(e.getMessage());
        }
    }

    private static Session open(StateDir state, StartChoice choice) throws IOException {
        try {
            return Session.open(state.sessions(), choice.session(), choice.target(), Clock.systemUTC());
        } catch (SessionException e) {
            throw new OperatorError(e.getMessage());
        }
    }

    /** Why the lab cannot start here, with the line that fixes it; empty when it can. */
    private static Optional<String> labUnavailable() {
        LabPrerequisites check = LabPrerequisites.check();
        if (check.obstacle().isPresent()) {
            return Optional.of("The lab " + check.obstacle().get());
        }
        List<LabPrerequisites.Missing> missing = check.missing();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("The lab needs " + missing.stream().map(LabPrerequisites.Missing::what).distinct().toList()
                + ": quit and run  rpik8s-tui --lab  to be offered the install.");
    }

    /**
     * The wizard's steps on the session: discovery over the session's SSH (its own known_hosts, a log per host,
     * the answers' pinned keys), then racks and roles, the runtime and cluster settings, the plan review, and host
     * preparation once the operator said yes to it.
     */
    private void discover(Operator op, Session session, String what, DiscoveryForm defaults, Map<String, String> pins) throws Exception {
        // one SSH for the whole run, asking through the operator's front end: what was answered once is not asked again
        SshQuestions questions = new SshQuestions(op::secret);
        SshContext ssh = FlowSetup.ssh(session, pins, Path.of(System.getProperty("user.home")), questions);
        DiscoveryStep step = new DiscoveryStep(questions, prompter -> new Discovery(ssh)::run, session, defaults, session.logs().toString());
        String title = what + "  ·  session " + session.name();
        // --flow grow: the way is chosen on screen after the cluster is read, kubeadm's way unless another is picked
        WaysToGrow ways = flow.equals(WaysToGrow.WORD) ? WaysToGrow.bundled(flows::flow) : null;
        Flow chosen = flows.flow(flow);
        if (ClusterReading.discoverThenRead(op, title, step, chosen, session, () -> FlowSetup.connections(session, ssh),
                Clock.systemUTC()) != Leave.NEXT) {
            return;
        }
        if (ways != null) {
            Optional<String> way = op.way(title, ways);
            if (way.isEmpty()) {
                return;
            }
            chosen = flows.flow(way.get());
        }
        HostPrep prep = new HostPrep(session, chosen, flows.templates(), FlowSetup.connections(session, ssh),
                Clock.systemUTC()).preparedBy(flows.preparationOf(chosen));
        PlanStep board = new PlanStep(session, Clock.systemUTC());
        if (chosen.typedConfirmation()) {
            board.growing();
        }
        if (toTheReview(op, title, board, prep) != Leave.NEXT) {
            return;
        }
        // the deploy's own key, as answers files have it since the first deploy; another flow's is its id
        String key = chosen.id().equals("deploy") ? "host-prep" : chosen.id();
        if (op.confirm(key, prep.question()) && op.run(chosen.id() + "  ·  " + title, prep) == Leave.NEXT) {
            String cluster = session.spec().plan().orElseThrow().name();
            op.notice("The " + chosen.id() + " flow on cluster " + cluster + " ran to its end."
                    + " The last step says where its kubeconfig is: with context " + cluster + " merged, kubectl --context " + cluster
                    + " get nodes lists the nodes.");
        }
    }

    /**
     * Racks and roles, the settings, then the plan review; back from one is the one before it, as the operator left
     * it.
     */
    private static Leave toTheReview(Operator op, String title, PlanStep board, HostPrep prep) throws Exception {
        while (op.plan(title, board) == Leave.NEXT) {
            Leave settings;
            while ((settings = op.settings(title, new SettingsStep(board))) == Leave.NEXT) {
                Leave review = op.review(title, prep);
                if (review != Leave.BACK) {
                    return review;
                }
            }
            if (settings == Leave.QUIT) {
                return Leave.QUIT;
            }
        }
        return Leave.QUIT;
    }

    /** The lab's Pis as the fields would name them: their address range, root, the lab's client key. */
    private static DiscoveryForm labForm(List<Lab.PiInfo> pis, Path labDir) {
        String first = pis.get(0).address();
        String last = pis.get(pis.size() - 1).address();
        String ranges = first + "-" + last.substring(last.lastIndexOf('.') + 1);
        return new DiscoveryForm(ranges, Integer.toString(pis.get(0).port()), "root", LabControl.clientKey(labDir).toString());
    }
}
