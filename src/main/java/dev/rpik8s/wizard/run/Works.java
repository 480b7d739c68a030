package dev.rpik8s.wizard.run;

import dev.rpik8s.wizard.flow.Step;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The work for each step: its commands, or the Java of its kind. Known before the run starts, so a flow the engine cannot run yet is refused whole. */
final class Works {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(s|m|h)");

    private Works() {
    }

    /** @param kubeconfig the operator's kubeconfig, for the kubeconfig kind */
    static Work of(String flowId, Step step, Path kubeconfig) throws RunRefused {
        if (step.kind().isEmpty()) {
            return new Commands();
        }
        String kind = step.kind().get();
        return switch (kind) {
            case "reboot" -> new Reboot(duration(flowId, step, "timeout"));
            case "wait-for-ssh" -> new WaitForSsh(duration(flowId, step, "timeout"));
            case "kubeconfig" -> new FetchKubeconfig(kubeconfig);
            case "wait-for-quorum" -> new WaitForQuorum(duration(flowId, step, "timeout"));
            case "etcd-snapshot" -> new EtcdSnapshot();
            case "not-done" -> new NotDone(required(flowId, step, "because"));
            case "copy-files" -> CopyFiles.of(flowId, step);
            case "etcd-learner" -> new EtcdLearner(duration(flowId, step, "timeout"), duration(flowId, step, "start-within"));
            default -> throw new RunRefused(flowId + ".yaml, step " + step.id() + ": the kind '" + kind
                    + "' is not implemented yet; the run cannot use it.");
        };
    }

    /** A parameter the kind cannot do without, not blank. */
    static String required(String flowId, Step step, String name) throws RunRefused {
        String v = step.parameters().get(name);
        if (v == null || v.isBlank()) {
            throw new RunRefused(flowId + ".yaml, step " + step.id() + ": kind " + step.kind().orElse("") + " needs its parameter '"
                    + name + "'.");
        }
        return v.strip();
    }

    /** {@code timeout: 5m}: seconds, minutes or hours. */
    private static Duration duration(String flowId, Step step, String name) throws RunRefused {
        String written = step.parameters().get(name);
        Matcher m = DURATION.matcher(written == null ? "" : written.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new RunRefused(flowId + ".yaml, step " + step.id() + ": " + name + " "
                    + (written == null ? "missing" : "'" + written + "'") + ": write it as 90s, 5m or 1h.");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }
}
