package dev.rpik8s.wizard.run;

import dev.rpik8s.advice.MemoryCgroup;
import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.HostFacts;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.render.RenderFailed;
import dev.rpik8s.render.Templates;
import dev.rpik8s.wizard.flow.FileToPlace;
import dev.rpik8s.wizard.flow.Gather;
import dev.rpik8s.wizard.flow.Flow;
import dev.rpik8s.wizard.flow.Script;
import dev.rpik8s.wizard.flow.Step;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a step for one host. Templates see {@code host} (hostname, address, port, rack, roles, labels),
 * {@code plan} (the cluster plan), {@code settings} (its settings) and whatever values the caller adds.
 */
final class ScriptRenderer {

    private final Templates templates;
    private final Flow flow;
    private final ClusterPlan plan;
    private final Map<String, ?> values;

    ScriptRenderer(Templates templates, Flow flow, ClusterPlan plan, Map<String, ?> values) {
        this.templates = templates;
        this.flow = flow;
        this.plan = plan;
        this.values = Map.copyOf(values);
    }

    ClusterPlan plan() {
        return plan;
    }

    /**
     * The step's hosts in the plan: its targets, less those its {@code when} is false for. A host whose condition
     * cannot be rendered stays, so that its run (or its plan) shows why.
     */
    List<PlannedHost> hostsOf(Step step) {
        List<PlannedHost> hosts = new ArrayList<>();
        for (PlannedHost host : step.targets().resolve(plan)) {
            try {
                if (applies(step, host)) {
                    hosts.add(host);
                }
            } catch (RenderFailed e) {
                hosts.add(host);
            }
        }
        return hosts;
    }

    private boolean applies(Step step, PlannedHost host) throws RenderFailed {
        if (step.when().isEmpty()) {
            return true;
        }
        return templates.holds(flow.id() + ".yaml, step " + step.id() + ", when", step.when().get(), valuesFor(host));
    }

    /**
     * The verification is the step's own, or else its check (a reboot's check is what says it worked); a step
     * with neither is judged by its action's exit status alone.
     */
    HostScripts render(Step step, PlannedHost host) throws RenderFailed {
        return render(step, host, placeholders(step));
    }

    /** With the values the step gathered from another host ({@code gathered.*}; see {@link Gathering}). */
    HostScripts render(Step step, PlannedHost host, Map<String, String> gathered) throws RenderFailed {
        applies(step, host);   // a condition that does not render fails the step here, with its message
        Map<String, Object> v = valuesFor(host);
        v.put("gathered", gathered);
        Optional<Script> verify = step.verify().or(step::check);
        List<PlacedFile> files = new ArrayList<>();
        if (step.action().isPresent()) {
            for (FileToPlace f : step.action().get().files()) {
                files.add(new PlacedFile(f.template(), f.to(), f.mode(), templates.render(f.template(), v).text()));
            }
        }
        return new HostScripts(command(step, "check", step.check(), v), files,
                command(step, "action", step.action(), v), command(step, "verify", verify, v));
    }

    /** The step's rollback for a host, as its action: what a confirmation shows and the run executes. */
    HostScripts renderRollback(Step step, PlannedHost host) throws RenderFailed {
        return new HostScripts(Optional.empty(), List.of(), command(step, "rollback", step.rollback(), valuesFor(host)), Optional.empty());
    }

    /** A template of the engine's own (an etcd snapshot's script), rendered for a host with more values. */
    String renderTemplate(String template, PlannedHost host, Map<String, ?> more) throws RenderFailed {
        Map<String, Object> v = valuesFor(host);
        v.putAll(more);
        return templates.render(template, v).text();
    }

    /** Where a step's gather runs and what: the first host of its {@code from}, rendered for that host. */
    record GatherScripts(PlannedHost from, String command, List<PlacedFile> files) {
    }

    GatherScripts renderGather(Step step) throws RenderFailed, StepFailed {
        Gather g = step.gather().orElseThrow();
        String where = flow.id() + ".yaml, step " + step.id() + ", gather";
        PlannedHost from = g.from().hosts(plan).stream().findFirst()
                .orElseThrow(() -> new StepFailed(where + ": this plan has no host that is " + g.from().word()));
        Map<String, Object> v = valuesFor(from);
        List<PlacedFile> files = new ArrayList<>();
        for (FileToPlace f : g.script().files()) {
            files.add(new PlacedFile(f.template(), f.to(), f.mode(), templates.render(f.template(), v).text()));
        }
        return new GatherScripts(from, command(step, "gather", Optional.of(g.script()), v).orElseThrow(), files);
    }

    /**
     * What a plan shows for the gathered values, which only the run reads; the check never sees them (it runs
     * before them), so a check that uses one runs with this text.
     */
    static Map<String, String> placeholders(Step step) {
        Map<String, String> shown = new HashMap<>();
        step.gather().ifPresent(g -> g.gives().forEach(k -> shown.put(k, "<" + k + ", read on " + g.from().word() + ">")));
        return shown;
    }

    private Optional<String> command(Step step, String part, Optional<Script> script, Map<String, Object> v)
            throws RenderFailed {
        if (script.isEmpty() || !script.get().hasCommand()) {
            return Optional.empty();
        }
        Script s = script.get();
        if (s.template().isPresent()) {
            return Optional.of(templates.render(s.template().get(), v).text());
        }
        String where = flow.id() + ".yaml, step " + step.id() + ", " + part;
        return Optional.of(templates.renderCommand(where, s.run().orElseThrow(), v).text());
    }

    private Map<String, Object> valuesFor(PlannedHost host) {
        Map<String, Object> v = new HashMap<>(values);
        v.putIfAbsent(FreshSecrets.KEY, FreshSecrets.SHOWN);
        Map<String, Object> h = hostValues(host);
        h.put("rackMaster", ClusterValues.rackMaster(plan, host));
        v.put("host", h);
        v.put("plan", plan);
        v.put("settings", plan.settings());
        v.put("cluster", ClusterValues.of(plan));
        return v;
    }

    /** Written as a flow writes them: roles in lower case ({@code master}), in their order; derived values too. */
    static Map<String, Object> hostValues(PlannedHost host) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("hostname", host.hostname());
        h.put("address", host.address());
        h.put("port", host.port());
        h.put("rack", host.rack());
        h.put("roles", host.roles().stream().map(r -> r.name().toLowerCase(Locale.ROOT)).toList());
        h.put("labels", host.labels());
        // what picks packages and their repositories: the OS (raspbian is 32-bit Raspbian, debian is Raspberry Pi
        // OS 64-bit), its release, and the userland's architecture (armhf or arm64, whatever the kernel is)
        h.put("osId", host.facts().map(f -> f.os().id()).orElse(""));
        h.put("osCodename", host.facts().map(f -> f.os().codename()).orElse(""));
        h.put("debArch", host.facts().map(HostFacts::userlandArch).orElse(""));
        // what host prep appends to cmdline.txt for this host's kernel (none known: none appended)
        h.put("cgroupWords", host.facts().map(f -> MemoryCgroup.cmdlineWordsFor(f.kernelRelease())).orElse(List.of()));
        return h;
    }
}
