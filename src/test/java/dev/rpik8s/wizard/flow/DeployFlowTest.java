package dev.rpik8s.wizard.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The deploy flow in the jar (top-level wizards/deploy.yaml), checked against the templates it is written for. */
class DeployFlowTest {

    /** The templates deploy.yaml names; they are written under src/main/resources/templates/. */
    private static final Set<String> TEMPLATES = Set.of(
            "host-prep/no-other-cluster.sh",
            "host-prep/upgrade.sh", "host-prep/upgrade-check.sh",
            "host-prep/hostname.sh",
            "host-prep/cmdline-cgroups.sh", "host-prep/cmdline-cgroups-check.sh",
            "host-prep/gpu-mem.sh", "host-prep/gpu-mem-check.sh",
            "host-prep/swap-off.sh", "host-prep/swap-off-check.sh",
            "host-prep/k8s-modules.conf", "host-prep/k8s-sysctl.conf",
            "host-prep/time-sync.sh",
            "host-prep/cgroups-live.sh",
            "runtime/repositories.sh", "runtime/repositories-check.sh",
            "runtime/packages.sh", "runtime/packages-check.sh",
            "runtime/containerd-config.toml", "runtime/containerd.sh", "runtime/containerd-check.sh",
            "runtime/crio.conf", "runtime/registries.conf", "runtime/crio.sh", "runtime/crio-check.sh",
            "runtime/daemon.json", "runtime/docker.sh", "runtime/docker-check.sh",
            "runtime/cri-docker.service", "runtime/cri-docker.socket", "runtime/cri-dockerd.sh", "runtime/cri-dockerd-check.sh",
            "runtime/crictl.yaml", "runtime/runtime-ready.sh",
            "kubernetes/packages.sh", "kubernetes/packages-check.sh",
            "kubernetes/haproxy.cfg", "kubernetes/haproxy.sh", "kubernetes/haproxy-check.sh",
            "kubernetes/kube-vip-bootstrap.yaml", "kubernetes/kube-vip.yaml", "kubernetes/kube-vip-check.sh",
            "kubernetes/kubeadm-config.yaml", "kubernetes/patches/etcd.yaml", "kubernetes/patches/kube-apiserver.yaml",
            "kubernetes/patches/kube-controller-manager.yaml", "kubernetes/patches/kube-scheduler.yaml",
            "kubernetes/init.sh", "kubernetes/init-check.sh",
            "kubernetes/cni.yaml", "kubernetes/cni.sh", "kubernetes/cni-check.sh",
            "kubernetes/join-ticket-masters.sh", "kubernetes/join-ticket-workers.sh", "kubernetes/join.sh",
            "kubernetes/joined-check.sh", "kubernetes/kubelet-endpoint.sh", "kubernetes/kubelet-endpoint-check.sh",
            "kubernetes/labels.sh", "kubernetes/labels-check.sh", "kubernetes/nodes-ready.sh",
            "kubernetes/nodes-ready-check.sh");

    private static Flow deploy() throws FlowException {
        return new FlowLoader(StepKinds.standard(), TEMPLATES::contains, Optional.empty()).load("deploy");
    }

    @Test
    void loadsCleanlyWithTheHostPrepAndRuntimeStepsInOrder() throws Exception {
        Flow flow = deploy();
        assertEquals("Deploy a cluster", flow.title());
        assertEquals(List.of("no-other-cluster", "upgrade", "hostname", "cmdline-cgroups", "gpu-mem", "swap-off", "kernel-modules", "sysctl", "time-sync",
                "reboot-masters", "reboot-workers", "back-on-ssh", "runtime-repositories", "runtime-packages", "containerd-config",
                "crio-config", "docker-config", "cri-dockerd", "runtime-ready", "kube-packages", "lb-haproxy",
                "kube-vip-bootstrap", "kubeadm-init", "pod-network", "join-masters", "kube-vip", "join-workers",
                "rack-local-endpoint", "node-labels", "nodes-ready", "kubeconfig"), flow.steps().stream().map(Step::id).toList());
    }

    @Test
    void namesEachTemplateItIsWrittenFor() throws Exception {
        Set<String> named = new TreeSet<>();
        for (Step s : deploy().steps()) {
            Stream.of(s.check(), s.action(), s.verify(), s.gather().map(Gather::script)).flatMap(Optional::stream).forEach(script -> {
                script.template().ifPresent(named::add);
                script.files().forEach(f -> named.add(f.template()));
            });
        }
        assertEquals(new TreeSet<>(TEMPLATES), named);
    }

    @Test
    void eachRuntimesConfigurationIsForItsOwnRuntimeOnly() throws Exception {
        Flow flow = deploy();
        assertEquals(List.of(Optional.of("cluster.runtime == \"containerd\""), Optional.of("cluster.runtime == \"cri-o\""),
                Optional.of("cluster.runtime == \"docker\""), Optional.of("cluster.runtime == \"docker\" and cluster.criDockerd")),
                List.of("containerd-config", "crio-config", "docker-config", "cri-dockerd").stream()
                        .map(id -> flow.step(id).orElseThrow().when()).toList());
    }

    @Test
    void mastersJoinOneAtATimeWithWhatTheFirstMasterGives() throws Exception {
        Flow flow = deploy();
        Step masters = flow.step("join-masters").orElseThrow();
        assertEquals(HostOrder.ONE_AT_A_TIME, masters.order());
        assertEquals(Risk.QUORUM, masters.risk());
        assertEquals("other-masters", masters.targets().targets().get(0).word());
        for (String id : List.of("join-masters", "join-workers")) {
            Gather g = flow.step(id).orElseThrow().gather().orElseThrow();
            assertEquals("first-master", g.from().word());
            assertEquals(List.of("caHash"), g.gives());
        }
        assertEquals(Optional.of("kubeconfig"), flow.step("kubeconfig").orElseThrow().kind());
        assertEquals(Optional.of("cluster.endpoint.mode == \"lb-host\""), flow.step("lb-haproxy").orElseThrow().when());
    }

    @Test
    void mastersRebootOneAtATimeAndWorkersRackByRack() throws Exception {
        Flow flow = deploy();
        Step masters = flow.step("reboot-masters").orElseThrow();
        Step workers = flow.step("reboot-workers").orElseThrow();
        assertEquals(List.of(Optional.of("reboot"), Risk.REBOOT, HostOrder.ONE_AT_A_TIME, Targets.of(HostGroup.MASTERS)),
                List.of(masters.kind(), masters.risk(), masters.order(), masters.targets()));
        assertEquals(List.of(Optional.of("reboot"), Risk.REBOOT, HostOrder.RACK_BY_RACK, Targets.of(HostGroup.WORKERS, HostGroup.INFRA)),
                List.of(workers.kind(), workers.risk(), workers.order(), workers.targets()));
    }
}
