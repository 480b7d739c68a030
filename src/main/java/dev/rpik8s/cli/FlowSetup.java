package dev.rpik8s.cli;

import dev.rpik8s.cluster.ScanInputs;
import dev.rpik8s.remote.Endpoint;
import dev.rpik8s.remote.HostLog;
import dev.rpik8s.remote.Prompter;
import dev.rpik8s.remote.SshContext;
import dev.rpik8s.remote.SshRemote;
import dev.rpik8s.render.Templates;
import dev.rpik8s.session.Session;
import dev.rpik8s.wizard.WaysToGrow;
import dev.rpik8s.wizard.flow.Flow;
import dev.rpik8s.wizard.flow.FlowException;
import dev.rpik8s.wizard.flow.FlowLoader;
import dev.rpik8s.wizard.flow.StepKinds;
import dev.rpik8s.wizard.run.Connections;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
     * How a run reaches each host: as discovery logged in (the session's user and key), with the keys trusted
     * then; it asks nothing on the way.
     */
    static Connections connections(Session session, Map<String, String> pins, Path home, Path logs) {
        ScanInputs scan = session.spec().scan().orElseThrow(() -> new OperatorError("The session has no discovery to log in as."));
        List<Path> keys = scan.keyFile().isEmpty() ? List.of() : List.of(Path.of(scan.keyFile()));
        SshContext ssh = new SshContext(home, session.knownHosts(), pins, Prompter.NO_QUESTIONS,
                endpoint -> HostLog.inDirectory(logs, endpoint.name()));
        return host -> new SshRemote(new Endpoint(host.address(), host.address(), host.port(), scan.user(), keys), ssh);
    }
}
