package dev.rpik8s.wizard.run;

import dev.rpik8s.advice.MemoryCgroup;
import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.ClusterSettings;
import dev.rpik8s.cluster.HostFacts;
import dev.rpik8s.cluster.KubernetesVersion;
import dev.rpik8s.cluster.KubernetesVersions;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.render.RenderFailed;
import dev.rpik8s.render.Templates;
import dev.rpik8s.wizard.flow.FileToPlace;
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
        applies(step, host);   // a condition that does not render fails the step here, with its message
        Map<String, Object> v = valuesFor(host);
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
        v.put("host", hostValues(host));
        v.put("plan", plan);
        v.put("settings", plan.settings());
        v.put("cluster", clusterValues(plan.settings()));
        return v;
    }

    /**
     * The settings as templates compare and print them: words as the operator knows them ({@code containerd},
     * {@code cri-o}, {@code docker}; {@code systemd}, {@code cgroupfs}), the Kubernetes minor that picks package
     * repositories ({@code 1.35}).
     */
    static Map<String, Object> clusterValues(ClusterSettings s) {
        Optional<KubernetesVersion> row = KubernetesVersions.bundled().find(s.kubernetesVersion());
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("kubernetesMinor", row.map(KubernetesVersion::minor).orElse(s.kubernetesVersion()));
        // empty for the minors whose repository is gone (1.17 to 1.23): templates say so and stop
        c.put("kubernetesRepository", row.flatMap(KubernetesVersion::packageRepository).orElse(""));
        // docker through cri-dockerd (1.24 and later) or the kubelet's own dockershim
        c.put("criDockerd", row.map(r -> !r.dockershim()).orElse(true));
        c.put("runtime", s.runtime().label());
        c.put("cgroupDriver", s.cgroupDriver().name().toLowerCase(Locale.ROOT));
        c.put("proxy", Map.of("http", s.proxy().http(), "https", s.proxy().https(), "noProxy", s.proxy().noProxy()));
        c.put("insecureRegistries", s.insecureRegistries());
        c.put("upgradePackages", s.upgradePackages());
        return c;
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
