package dev.rpik8s.wizard;

import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.render.Templates;
import dev.rpik8s.wizard.FileReview.Outcome;
import dev.rpik8s.wizard.flow.Flow;
import dev.rpik8s.wizard.flow.Step;
import dev.rpik8s.wizard.run.Connections;
import dev.rpik8s.wizard.run.DryRun;
import dev.rpik8s.wizard.run.HostScripts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a flow would do, changing nothing, made readable for {@code rpik8s-tui plan} and the plan review of the
 * wizard: per step, its hosts, their commands and each file with what placing it would change.
 */
public record FlowReview(String title, List<StepReview> steps) {

    public FlowReview {
        steps = List.copyOf(steps);
    }

    /**
     * The flow on the plan as the run would render it; with connections, each file is compared with what its host
     * has (the only command run: a read), without, each is shown whole.
     */
    public static FlowReview dryRun(Templates templates, Optional<Connections> connections, Flow flow, ClusterPlan plan) {
        return of(flow, new DryRun(templates, connections).plan(flow, plan, Map.of()));
    }

    public static FlowReview of(Flow flow, List<DryRun.StepPlan> planned) {
        List<StepReview> steps = new ArrayList<>();
        for (DryRun.StepPlan p : planned) {
            Step s = p.step();
            List<HostReview> hosts = p.hosts().stream().map(h -> host(s, h, p.gather())).toList();
            steps.add(new StepReview(steps.size() + 1, planned.size(), s.title(), s.explanation(),
                    s.risk().words() + ", " + StepReview.order(s), summary(s, hosts), hosts));
        }
        return new FlowReview(flow.title(), steps);
    }

    /** Every step's lines, a blank line after each: the review as text. */
    public List<String> text() {
        List<String> text = new ArrayList<>();
        for (StepReview s : steps) {
            s.lines().forEach(l -> text.add(l.text()));
            text.add("");
        }
        return text;
    }

    private static HostReview host(Step step, DryRun.HostPlan h, Optional<Map.Entry<String, String>> gather) {
        String title = h.host().title();
        String name = h.host().hostname();
        if (h.scripts().isEmpty()) {
            return new HostReview(title, name, List.of(), List.of(), h.problem());
        }
        HostScripts scripts = h.scripts().get();
        List<HostReview.Command> commands = new ArrayList<>();
        scripts.check().ifPresent(c -> commands.add(new HostReview.Command("check", c)));
        // read once on another host, before the first action of the step
        gather.ifPresent(g -> commands.add(new HostReview.Command("first", "on " + g.getKey() + ", once for the step:\n" + g.getValue())));
        scripts.action().or(() -> kind(step)).ifPresent(c -> commands.add(new HostReview.Command("action", c)));
        scripts.verify().ifPresent(c -> commands.add(new HostReview.Command("verify",
                c.equals(scripts.check().orElse(null)) ? "the check again" : c)));
        return new HostReview(title, name, commands, h.files().stream().map(FlowReview::file).toList(), Optional.empty());
    }

    /**
     * What a step's action will do on one host, for its typed confirmation: the files it places, each with its diff,
     * and its command (the check has run, and said the host needs it).
     */
    static HostReview change(Step step, DryRun.HostPlan h) {
        HostReview all = host(step, h, Optional.empty());
        return new HostReview(all.title(), all.name(), all.commands().stream().filter(c -> c.part().equals("action")).toList(),
                all.files(), all.problem());
    }

    /** A step done in Java has no command of its own: its kind and parameters say what the wizard does. */
    private static Optional<String> kind(Step step) {
        if (step.kind().filter("not-done"::equals).isPresent()) {
            return Optional.of("nothing: not done, because " + step.parameters().getOrDefault("because", "").strip().replaceAll("\\s+", " "));
        }
        return step.kind().map(k -> k + (step.parameters().isEmpty() ? "" : " (" + step.parameters().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ")") + ", done by the wizard itself");
    }

    private static FileReview file(DryRun.FileChange c) {
        String path = c.file().path();
        String mode = c.file().mode();
        if (c.current().isPresent()) {
            boolean same = !c.changes();
            return new FileReview(path, mode, same ? Outcome.SAME : Outcome.CHANGES, same ? "no change" : "changes", c.diff());
        }
        String note = c.note().orElse(DryRun.NEW_FILE);
        Outcome outcome = note.equals(DryRun.NEW_FILE) ? Outcome.CHANGES : note.equals(DryRun.NOT_READ) ? Outcome.NOT_READ : Outcome.UNREADABLE;
        return new FileReview(path, mode, outcome, note, c.diff());
    }

    /** "3 hosts, 2 files change on 2 hosts, 1 file not read". */
    private static String summary(Step step, List<HostReview> hosts) {
        if (hosts.isEmpty()) {
            return step.targets().isEmpty() ? "on this machine" : "no host of the plan";
        }
        List<String> parts = new ArrayList<>();
        parts.add(count(hosts.size(), "host"));
        long broken = hosts.stream().filter(h -> h.problem().isPresent()).count();
        if (broken > 0) {
            parts.add(broken + " cannot be rendered");
        }
        long changing = files(hosts, Outcome.CHANGES);
        long changingHosts = hosts.stream().filter(h -> h.files().stream().anyMatch(f -> f.outcome() == Outcome.CHANGES)).count();
        if (changing > 0) {
            parts.add(count(changing, "file") + (changing == 1 ? " changes" : " change") + " on " + count(changingHosts, "host"));
        } else if (files(hosts, Outcome.SAME) > 0) {
            parts.add("no file changes");
        }
        long unread = files(hosts, Outcome.NOT_READ) + files(hosts, Outcome.UNREADABLE);
        if (unread > 0) {
            parts.add(count(unread, "file") + " not read");
        }
        return String.join(", ", parts);
    }

    private static long files(List<HostReview> hosts, Outcome outcome) {
        return hosts.stream().flatMap(h -> h.files().stream()).filter(f -> f.outcome() == outcome).count();
    }

    private static String count(long n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }
}
