package dev.rpik8s.wizard.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.ClusterSettings;
import dev.rpik8s.cluster.ContainerRuntime;
import dev.rpik8s.cluster.Endpoint;
import dev.rpik8s.cluster.EndpointMode;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.cluster.Rack;
import dev.rpik8s.cluster.Role;
import dev.rpik8s.render.KubeadmFields;
import dev.rpik8s.render.Templates;
import dev.rpik8s.testsupport.FactsBuilder;
import dev.rpik8s.testsupport.Shellcheck;
import dev.rpik8s.wizard.flow.Flow;
import dev.rpik8s.wizard.flow.FlowLoader;
import dev.rpik8s.wizard.flow.Step;
import dev.rpik8s.wizard.flow.StepKinds;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes half of deploy, rendered by the runner's own renderer for plans of one and three masters, each
 * endpoint mode, each kubeadm API version and each runtime: what kubeadm, the joins and haproxy are given.
 */
class KubernetesStepsTest {

    private static Flow deploy;

    @BeforeAll
    static void load() throws Exception {
        deploy = new FlowLoader(StepKinds.standard(), FlowLoader.bundledTemplates(), Optional.empty()).load("deploy");
    }

    /** Three racks of four (a master first in each when {@code masters} is 3), and an lb host in rack a. */
    static ClusterPlan rack(int masters, ClusterSettings settings) {
        List<PlannedHost> hosts = new ArrayList<>();
        for (String r : List.of("a", "b", "c")) {
            for (int i = 1; i <= 4; i++) {
                int n = 10 * (r.charAt(0) - 'a' + 1) + i;
                Set<Role> roles = i == 1 && (r.equals("a") || masters == 3) ? Set.of(Role.MASTER) : Set.of(Role.WORKER);
                hosts.add(PlannedHost.unassigned("10.0.0." + n, 22, "pi-" + r + i, r, Optional.of(FactsBuilder.pi().build()))
                        .withRoles(roles));
            }
        }
        hosts.add(PlannedHost.unassigned("10.0.0.5", 22, "lb", "a", Optional.of(FactsBuilder.pi().build())).withRoles(Set.of(Role.LB)));
        return ClusterPlan.of("homelab", List.of(new Rack("a"), new Rack("b"), new Rack("c")), hosts).withSettings(settings);
    }

    private static ScriptRenderer renderer(ClusterPlan plan) {
        return new ScriptRenderer(Templates.bundled(), deploy, plan, Map.of());
    }

    private static Step step(String id) {
        return deploy.step(id).orElseThrow();
    }

    private static String file(ClusterPlan plan, String stepId, String hostname, String to) throws Exception {
        PlannedHost h = plan.hosts().stream().filter(x -> x.hostname().equals(hostname)).findFirst().orElseThrow();
        return renderer(plan).render(step(stepId), h).files().stream().filter(f -> f.path().equals(to)).findFirst()
                .orElseThrow().content();
    }

    private static ClusterSettings lbHost(String version) {
        return ClusterSettings.defaults().withKubernetesVersion(version)
                .withEndpoint(new Endpoint(EndpointMode.LB_HOST, Optional.of("10.0.0.5")));
    }

    @Test
    void oneMasterHasNoControlPlaneEndpointAndThreeHaveTheLoadBalancerFromTheStart() throws Exception {
        String one = file(rack(1, ClusterSettings.defaults()), "kubeadm-init", "pi-a1", "/etc/rpik8s/kubeadm-config.yaml");
        assertFalse(one.contains("controlPlaneEndpoint"), one);
        assertTrue(one.contains("clusterName: \"homelab\""), one);
        assertTrue(one.contains("podSubnet: \"10.244.0.0/16\""), one);
        String three = file(rack(3, lbHost("1.35")), "kubeadm-init", "pi-a1", "/etc/rpik8s/kubeadm-config.yaml");
        assertTrue(three.contains("controlPlaneEndpoint: \"10.0.0.5:6443\""), three);
        for (String san : List.of("10.0.0.5", "pi-a1", "10.0.0.11", "pi-b1", "10.0.0.21", "pi-c1", "10.0.0.31")) {
            assertTrue(three.contains("  - \"" + san + "\""), san + " in\n" + three);
        }
        // a first-master endpoint with three masters planned is the first master's address, set from the start
        String firstMaster = file(rack(3, ClusterSettings.defaults()), "kubeadm-init", "pi-a1", "/etc/rpik8s/kubeadm-config.yaml");
        assertTrue(firstMaster.contains("controlPlaneEndpoint: \"10.0.0.11:6443\""), firstMaster);
    }

    @Test
    void theApiVersionFollowsTheKubernetesVersion() throws Exception {
        String v4 = file(rack(1, ClusterSettings.defaults().withKubernetesVersion("1.35.2")), "kubeadm-init", "pi-a1", "/etc/rpik8s/kubeadm-config.yaml");
        assertTrue(v4.contains("apiVersion: kubeadm.k8s.io/v1beta4"), v4);
        assertTrue(v4.contains("kubernetesVersion: \"v1.35.2\""), v4);
        assertTrue(v4.contains("  - name: node-ip\n    value: \"10.0.0.11\""), v4);
        assertTrue(v4.contains("controlPlaneComponentHealthCheck: 10m0s"), v4);
        String v3 = file(rack(1, ClusterSettings.defaults().withKubernetesVersion("1.28")), "kubeadm-init", "pi-a1", "/etc/rpik8s/kubeadm-config.yaml");
        assertTrue(v3.contains("apiVersion: kubeadm.k8s.io/v1beta3"), v3);
        assertTrue(v3.contains("kubernetesVersion: \"stable-1.28\""), v3);
        assertTrue(v3.contains("    node-ip: \"10.0.0.11\""), v3);
        assertTrue(v3.contains("timeoutForControlPlane: 10m0s"), v3);
        String v2 = file(rack(1, ClusterSettings.defaults().withKubernetesVersion("1.21")), "kubeadm-init", "pi-a1", "/etc/rpik8s/kubeadm-config.yaml");
        assertTrue(v2.contains("apiVersion: kubeadm.k8s.io/v1beta2"), v2);
        assertFalse(v2.contains("patches:"), v2);
    }

    /** Every field the configuration writes is one kubeadm (and the kubelet) reads, in the API of each version. */
    @Test
    void theConfigurationUsesOnlyFieldsOfItsApiVersion() throws Exception {
        for (String version : List.of("1.21", "1.22", "1.28", "1.30", "1.31", "1.35", "1.35.2")) {
            for (ClusterSettings s : List.of(ClusterSettings.defaults().withKubernetesVersion(version),
                    lbHost(version).withCpuCfsQuota(false).withAllowCgroupV1(true).withRuntime(ContainerRuntime.CRIO))) {
                String config = file(rack(3, s), "kubeadm-init", "pi-a1", "/etc/rpik8s/kubeadm-config.yaml");
                assertEquals(List.of(), KubeadmFields.problems(config), version + ":\n" + config);
            }
        }
    }

    @Test
    void theKubeletGetsThePlansDriverRuntimeAndCgroupChoices() throws Exception {
        ClusterSettings s = ClusterSettings.defaults().withRuntime(ContainerRuntime.DOCKER).withCpuCfsQuota(false).withAllowCgroupV1(true)
                .withCgroupDriver(dev.rpik8s.cluster.CgroupDriver.CGROUPFS);
        String c = file(rack(1, s), "kubeadm-init", "pi-a1", "/etc/rpik8s/kubeadm-config.yaml");
        assertTrue(c.contains("criSocket: \"unix:///run/cri-dockerd.sock\""), c);
        assertTrue(c.contains("cgroupDriver: cgroupfs"), c);
        assertTrue(c.contains("cpuCFSQuota: false"), c);
        assertTrue(c.contains("failCgroupV1: false"), c);
        String d = file(rack(1, ClusterSettings.defaults()), "kubeadm-init", "pi-a1", "/etc/rpik8s/kubeadm-config.yaml");
        assertTrue(d.contains("cgroupDriver: systemd") && !d.contains("cpuCFSQuota") && !d.contains("failCgroupV1"), d);
    }

    @Test
    void initUploadsCertificatesOnlyWhenMoreMastersArePlanned() throws Exception {
        ClusterPlan one = rack(1, ClusterSettings.defaults());
        ClusterPlan three = rack(3, lbHost("1.35"));
        String init1 = renderer(one).render(step("kubeadm-init"), one.hosts().get(0)).action().orElseThrow();
        String init3 = renderer(three).render(step("kubeadm-init"), three.hosts().get(0)).action().orElseThrow();
        assertTrue(init1.contains("kubeadm init --config /etc/rpik8s/kubeadm-config.yaml --skip-token-print"), init1);
        assertTrue(init3.contains("kubeadm init --config /etc/rpik8s/kubeadm-config.yaml --upload-certs --skip-token-print"), init3);
    }

    @Test
    void joinsGoThroughTheEndpointWithWhatTheFirstMasterGaveAndTheRunsSecrets() throws Exception {
        ClusterPlan plan = rack(3, lbHost("1.35"));
        ScriptRenderer r = new ScriptRenderer(Templates.bundled(), deploy, plan,
                Map.of(FreshSecrets.KEY, Map.of("joinToken", "abcdef.0123456789abcdef", "certificateKey", "00ff")));
        PlannedHost b1 = plan.hosts().stream().filter(h -> h.hostname().equals("pi-b1")).findFirst().orElseThrow();
        PlannedHost a2 = plan.hosts().stream().filter(h -> h.hostname().equals("pi-a2")).findFirst().orElseThrow();
        assertEquals(List.of("pi-b1", "pi-c1"), r.hostsOf(step("join-masters")).stream().map(PlannedHost::hostname).toList());
        String master = r.render(step("join-masters"), b1, Map.of("caHash", "sha256:1234")).action().orElseThrow();
        assertTrue(master.contains("args=(join '10.0.0.5:6443'"), master);
        assertTrue(master.contains("--token 'abcdef.0123456789abcdef'"), master);
        assertTrue(master.contains("--discovery-token-ca-cert-hash 'sha256:1234'"), master);
        assertTrue(master.contains("--control-plane --certificate-key '00ff' --apiserver-advertise-address '10.0.0.21'"), master);
        String worker = r.render(step("join-workers"), a2, Map.of("caHash", "sha256:1234")).action().orElseThrow();
        assertFalse(worker.contains("--control-plane"), worker);
        assertTrue(worker.contains("--cri-socket 'unix:///var/run/containerd/containerd.sock'"), worker);
        ScriptRenderer.GatherScripts g = r.renderGather(step("join-masters"));
        assertEquals("pi-a1", g.from().hostname());
        assertTrue(g.command().contains("kubeadm token create \"$token\" --ttl 1h"), g.command());
        assertTrue(g.command().contains("token='abcdef.0123456789abcdef'"), g.command());
        assertTrue(g.command().contains("--upload-certs --certificate-key '00ff'"), g.command());
        assertFalse(r.renderGather(step("join-workers")).command().contains("upload-certs"));
    }

    @Test
    void aPlanShowsPlaceholdersForWhatOnlyTheRunKnows() throws Exception {
        ClusterPlan plan = rack(3, lbHost("1.35"));
        PlannedHost b1 = plan.hosts().stream().filter(h -> h.hostname().equals("pi-b1")).findFirst().orElseThrow();
        String shown = renderer(plan).render(step("join-masters"), b1).action().orElseThrow();
        assertTrue(shown.contains("'<a join token made for the run>'"), shown);
        assertTrue(shown.contains("'<caHash, read on first-master>'"), shown);
    }

    @Test
    void theLoadBalancerStepsDependOnTheEndpointMode() throws Exception {
        ClusterPlan lb = rack(3, lbHost("1.35"));
        assertEquals(List.of("lb"), renderer(lb).hostsOf(step("lb-haproxy")).stream().map(PlannedHost::hostname).toList());
        String cfg = file(lb, "lb-haproxy", "lb", "/etc/haproxy/haproxy.cfg");
        for (String line : List.of("bind *:6443", "server pi-a1 10.0.0.11:6443", "server pi-b1 10.0.0.21:6443", "server pi-c1 10.0.0.31:6443")) {
            assertTrue(cfg.contains(line), line + " in\n" + cfg);
        }
        assertTrue(renderer(lb).hostsOf(step("kube-vip")).isEmpty());
        ClusterPlan vip = rack(3, ClusterSettings.defaults().withEndpoint(new Endpoint(EndpointMode.VIP, Optional.of("10.0.0.100"))));
        assertTrue(renderer(vip).hostsOf(step("lb-haproxy")).isEmpty());
        assertEquals(3, renderer(vip).hostsOf(step("kube-vip")).size());
        String boot = file(vip, "kube-vip-bootstrap", "pi-a1", "/etc/kubernetes/manifests/kube-vip.yaml");
        assertTrue(boot.contains("path: /etc/kubernetes/super-admin.conf") && boot.contains("value: \"10.0.0.100\""), boot);
        assertTrue(file(vip, "kube-vip", "pi-a1", "/etc/kubernetes/manifests/kube-vip.yaml").contains("path: /etc/kubernetes/admin.conf"));
        ClusterPlan local = rack(3, ClusterSettings.defaults().withEndpoint(new Endpoint(EndpointMode.RACK_LOCAL, Optional.empty())));
        PlannedHost c3 = local.hosts().stream().filter(h -> h.hostname().equals("pi-c3")).findFirst().orElseThrow();
        String rackLocal = renderer(local).render(step("rack-local-endpoint"), c3).action().orElseThrow();
        assertTrue(rackLocal.contains("want=\"https://\"'10.0.0.31'\":\"'6443'"), rackLocal);
    }

    @Test
    void everyNodeIsLabelledWithItsRackAndRole() throws Exception {
        ClusterPlan plan = rack(1, ClusterSettings.defaults());
        plan = plan.label("10.0.0.32", "disk", "ssd");
        String labels = renderer(plan).render(step("node-labels"), plan.hosts().get(0)).action().orElseThrow();
        assertTrue(labels.contains("want['pi-a1']='topology.kubernetes.io/zone=a rack=a'"), labels);
        assertTrue(labels.contains("want['pi-c2']='topology.kubernetes.io/zone=c rack=c node-role.kubernetes.io/worker= disk=ssd'"), labels);
        assertFalse(labels.contains("want['lb']"), labels);
    }

    /** Every script of the Kubernetes steps, for each plan shape, is clean under shellcheck. */
    @Test
    void everyKubernetesScriptIsCleanUnderShellcheck() throws Exception {
        List<ClusterPlan> plans = List.of(rack(1, ClusterSettings.defaults()), rack(3, lbHost("1.28")),
                rack(3, ClusterSettings.defaults().withRuntime(ContainerRuntime.CRIO)
                        .withEndpoint(new Endpoint(EndpointMode.VIP, Optional.of("10.0.0.100")))),
                rack(3, ClusterSettings.defaults().withEndpoint(new Endpoint(EndpointMode.RACK_LOCAL, Optional.empty()))));
        int checked = 0;
        for (ClusterPlan plan : plans) {
            ScriptRenderer r = renderer(plan);
            for (Step s : deploy.steps().subList(deploy.steps().indexOf(step("kube-packages")), deploy.steps().size())) {
                if (s.kind().isPresent()) {
                    continue;
                }
                for (PlannedHost h : r.hostsOf(s)) {
                    HostScripts hs = r.render(s, h, Map.of("caHash", "sha256:00"));
                    for (Optional<String> script : List.of(hs.check(), hs.action(), hs.verify())) {
                        if (script.isPresent()) {
                            Shellcheck.assertClean(s.id() + " on " + h.hostname(), script.get());
                            checked++;
                        }
                    }
                    if (s.gather().isPresent()) {
                        Shellcheck.assertClean(s.id() + " gather", r.renderGather(s).command());
                    }
                    break;   // one host per step and plan: the others differ in values only
                }
            }
        }
        assertTrue(checked > 40, "checked " + checked);
    }

}
