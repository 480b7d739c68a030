package dev.rpik8s.cluster;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A host as it will be in the cluster. Roles and labels are kept sorted, so a session file written twice from the
 * same plan is the same file.
 *
 * @param address  how the wizard reaches it (and what findings name it by)
 * @param hostname the name it will be given: an RFC 1123 label, unique in the plan, its node name
 * @param rack     the name of one of the plan's racks
 * @param facts    what fingerprinting found; empty when the host was not fingerprinted
 * @param inventory how the host was written in the Ansible inventory it was imported from; empty otherwise
 */
public record PlannedHost(
        String address,
        int port,
        String hostname,
        String rack,
        Set<Role> roles,
        Map<String, String> labels,
        Optional<HostFacts> facts,
        Optional<InventoryHost> inventory) {

    public PlannedHost {
        if (address == null || address.isBlank()) {
            throw new PlanChangeRefused("A host needs an address.");
        }
        if (port < 1 || port > 65535) {
            throw new PlanChangeRefused(address + ": SSH port " + port + " is not a port (1 to 65535).");
        }
        PlanChangeRefused.refuseIf(KubernetesNames.hostnameProblem(hostname).map(p -> address + ": " + p));
        roles = roles == null || roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
        labels = Collections.unmodifiableSortedMap(labels == null ? new TreeMap<>() : new TreeMap<>(labels));
        labels.forEach((k, v) -> {
            PlanChangeRefused.refuseIf(KubernetesNames.labelKeyProblem(k));
            PlanChangeRefused.refuseIf(KubernetesNames.labelValueProblem(v));
        });
        facts = facts == null ? Optional.empty() : facts;
        inventory = inventory == null ? Optional.empty() : inventory;
    }

    /** A host just placed in a rack: no role, no label yet. */
    public static PlannedHost unassigned(String address, int port, String hostname, String rack, Optional<HostFacts> facts) {
        return new PlannedHost(address, port, hostname, rack, Set.of(), new TreeMap<>(), facts, Optional.empty());
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** "pi-a1 (192.168.1.21)": how findings and screens name a host. */
    public String title() {
        return hostname + " (" + address + ")";
    }

    PlannedHost inRack(String newRack) {
        return new PlannedHost(address, port, hostname, newRack, roles, labels, facts, inventory);
    }

    public PlannedHost withRoles(Set<Role> newRoles) {
        return new PlannedHost(address, port, hostname, rack, newRoles, labels, facts, inventory);
    }

    PlannedHost named(String newHostname) {
        return new PlannedHost(address, port, newHostname, rack, roles, labels, facts, inventory);
    }

    PlannedHost withLabels(Map<String, String> newLabels) {
        return new PlannedHost(address, port, hostname, rack, roles, new TreeMap<>(newLabels), facts, inventory);
    }
}
