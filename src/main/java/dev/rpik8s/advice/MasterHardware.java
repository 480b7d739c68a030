package dev.rpik8s.advice;

import static dev.rpik8s.cluster.Severity.BLOCKING;
import static dev.rpik8s.cluster.Severity.WARNING;

import dev.rpik8s.cluster.Finding;
import dev.rpik8s.cluster.HostFacts;
import dev.rpik8s.cluster.HostFacts.StorageMedium;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.cluster.Role;
import java.util.ArrayList;
import java.util.List;

/** What a master needs from its board: memory for the control plane, and a disk etcd can sync to. */
final class MasterHardware implements HostRule {

    static final String LOW_MEMORY = "master-low-memory";
    static final String ETCD_ON_SD_CARD = "etcd-on-sd-card";

    /** kubeadm's ControlPlaneMem: below it, preflight fails with [ERROR Mem] (pi-facts section 6). */
    static final int KUBEADM_MINIMUM_MB = 1700;

    @Override
    public List<Finding> check(PlannedHost host, HostFacts facts, Context c) {
        if (!host.has(Role.MASTER)) {
            return List.of();
        }
        List<Finding> found = new ArrayList<>();
        if (facts.memTotalMb() < KUBEADM_MINIMUM_MB) {
            found.add(Finding.onHost(LOW_MEMORY, BLOCKING, host,
                    host.title() + " has " + facts.memTotalMb() + " MB of memory. kubeadm refuses a control-plane node with less"
                            + " than " + KUBEADM_MINIMUM_MB + " MB (preflight error Mem): etcd, the API server, the controller"
                            + " manager and the scheduler need it.",
                    List.of("Make it a worker.", "Choose a master with 2 GB of memory or more.")));
        }
        if (facts.rootMedium() == StorageMedium.SD_CARD) {
            found.add(Finding.onHost(ETCD_ON_SD_CARD, WARNING, host,
                    host.title() + " boots from an SD card, so etcd would keep its data there (/var/lib/etcd). etcd syncs"
                            + " every write to disk; SD cards are slow to sync and wear out doing it. Expect leader"
                            + " elections, an API server that comes and goes, and in time a dead card.",
                    List.of("Boot this Pi from a USB SSD or an NVMe drive.", "Choose a master that boots from an SSD.",
                            "Give etcd a volume of its own on an SSD (the storage step).")));
        }
        return found;
    }
}
