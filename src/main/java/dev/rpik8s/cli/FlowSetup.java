package dev.rpik8s.cli;

import dev.rpik8s.cluster.ScanInputs;
import dev.rpik8s.remote.HostLog;
import dev.rpik8s.remote.Login;
import dev.rpik8s.remote.Prompter;
import dev.rpik8s.remote.SshContext;
import dev.rpik8s.remote.SshRemote;
import dev.rpik8s.render.Templates;
import dev.rpik8s.session.Session;
import dev.rpik8s.wizard.SshQuestions;
import dev.rpik8s.wizard.WaysToGrow;
import dev.rpik8s.wizard.flow.Flow;
import dev.rpik8s.wizard.flow.FlowException;
import dev.rpik8s.wizard.flow.FlowLoader;
import dev.rpik8s.wizard.flow.StepKinds;
import dev.rpik8s.wizard.run.Connections;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import picocli.CommandLine.Option;

/**
 * What the wizard and {@code plan} both need to run a flow on a session: the flow and its templates (the bundled
 * ones, or those of --wizards DIR first), and SSH to the session's hosts as discovery logged in. A picocli mixin,
 * so --wizards means the same on both.
 */
final class FlowSetup {

    @Option(names = "--wizards", paramLabel = "DIR", description = "Flows and templates from DIR (DIR/NAME.yaml, DIR/templates/...) before the bundled ones.")
    Path wizards;

    /**
     * A flow of wizards/ (or of --wizards DIR, whose templates it may name too), or for {@code grow} the first way
     * to grow; one that does not load is the operator's to fix, with file and line.
     */
    Flow flow(String id) {
        if (id.equals(WaysToGrow.WORD)) {
            // grow without a way chosen on screen (plan, an answers file's run): the first way
            return flow(WaysToGrow.bundled(this::flow).chosenUnlessAsked().flow());
        }
        try {
            return loader().load(id);
        } catch (FlowException e) {
            throw new OperatorError("The flow '" + id + "' cannot be used:\n  " + String.join("\n  ", e.problems()));
        }
    }

    /** The steps the flow's {@code prepare:} runs first, if it has one. */
    Optional<Flow> preparationOf(Flow flow) {
        try {
            return loader().preparationOf(flow);
        } catch (FlowException e) {
            throw new OperatorError("The flow '" + flow.id() + "' cannot be used:\n  " + String.join("\n  ", e.problems()));
        }
    }

    private FlowLoader loader() {
        Predicate<String> templates = wizards == null ? FlowLoader.bundledTemplates()
                : FlowLoader.bundledTemplates().or(path -> Files.isRegularFile(wizards.resolve("templates").resolve(path)));
        return new FlowLoader(StepKinds.standard(), templates, Optional.ofNullable(wizards));
    }

    Templates templates() {
        return wizards == null ? Templates.bundled() : Templates.overriddenBy(wizards);
    }

    /**
     * The one SSH of a wizard run on a session, shared by discovery and every connection after it (reading the
     * cluster, the plan review, the run): the session's known_hosts and host logs, the answers' pinned keys, and
     * {@code prompter} for what must be asked. It keeps what was answered (a passphrase, a password) in memory, so
     * nothing is asked twice in a run.
     */
    static SshContext ssh(Session session, Map<String, String> pins, Path home, Prompter prompter) throws IOException {
        Path logs = session.logs();
        return new SshContext(home, session.knownHosts(), pins, prompter, endpoint -> HostLog.inDirectory(logs, endpoint.name()));
    }

    /** How a run reaches each host: as discovery did, by the same {@link Login} rule (the session's user and key, ~/.ssh/config). */
    static Connections connections(Session session, SshContext ssh) {
        ScanInputs scan = session.spec().scan().orElseThrow(() -> new OperatorError("The session has no discovery to log in as."));
        Login login = Login.of(scan.user(), scan.keyFile());
        return host -> new SshRemote(login.to(host.address(), host.port(), ssh), ssh);
    }

    /**
     * For a sub-command that asks nothing (plan, etcd status): the session's SSH, whose questions are refused, each with
     * what is missing and how to do without it on {@code err}.
     */
    static Connections unattended(Session session, Path home, PrintWriter err) throws IOException {
        return connections(session, ssh(session, Map.of(), home, SshQuestions.unattended(line -> {
            err.println(line);
            err.flush();
        })));
    }
}
