package dev.rpik8s.wizard.flow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One step of a flow. On each of its hosts the runner runs the check (done already? then skip), the action, then
 * the verification. A step of a named kind ({@code wait-for-ssh}, {@code reboot}, ...) has its work done in Java,
 * with the parameters the flow gives it, and so has no action of its own; it may still have a check and a
 * verification.
 *
 * @param explanation what the operator reads on the step's screen: what it does, and why; several lines
 * @param targets     the hosts; empty for a step that runs on the operator's machine only
 * @param when        a condition on the plan's values ({@code cluster.runtime == "containerd"}), rendered for each
 *                    target: a host where it is false is not one of the step's hosts; empty for every target
 * @param kind        the named kind, empty for a step of commands
 * @param parameters  the kind's parameters as written, in that order (the kind parses them); empty for a step of
 *                    commands
 * @param gather      values read on another host before the first action of the step, empty when none
 * @param rollback    what puts a host back as it was before the step, offered (with its own confirmation) when the
 *                    step fails there; on a quorum step the host's etcd member is taken out first, if it has no vote
 */
public record Step(
        String id,
        String title,
        String explanation,
        Targets targets,
        Optional<String> when,
        Optional<Script> check,
        Optional<Script> action,
        Optional<Script> verify,
        Risk risk,
        HostOrder order,
        Optional<String> kind,
        Map<String, String> parameters,
        Optional<Gather> gather,
        Optional<Script> rollback) {

    public Step {
        if (kind.isPresent() == action.isPresent()) {
            throw new IllegalArgumentException("Step " + id + " needs either a kind or an action, and not both.");
        }
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** A step without a rollback. */
    public Step(String id, String title, String explanation, Targets targets, Optional<String> when,
            Optional<Script> check, Optional<Script> action, Optional<Script> verify, Risk risk, HostOrder order,
            Optional<String> kind, Map<String, String> parameters, Optional<Gather> gather) {
        this(id, title, explanation, targets, when, check, action, verify, risk, order, kind, parameters, gather, Optional.empty());
    }

    /** A step that needs nothing from another host. */
    public Step(String id, String title, String explanation, Targets targets, Optional<String> when,
            Optional<Script> check, Optional<Script> action, Optional<Script> verify, Risk risk, HostOrder order,
            Optional<String> kind, Map<String, String> parameters) {
        this(id, title, explanation, targets, when, check, action, verify, risk, order, kind, parameters, Optional.empty(),
                Optional.empty());
    }
}
