package dev.rpik8s.cluster;

import java.util.List;

/**
 * How a host was written in an imported Ansible inventory.
 *
 * @param name   its inventory name ({@code pi-a1}, or {@code pi-a1.lan} whose first label is the host name)
 * @param groups the groups that list it besides masters, infra, workers and lb (whose members come from its roles)
 * @param line   the variables on its line in {@code hosts}
 * @param file   the variables of {@code host_vars/NAME.yml}
 */
public record InventoryHost(String name, List<String> groups, InventoryVars line, InventoryVars file) {

    public InventoryHost {
        if (name == null || name.isBlank()) {
            throw new PlanChangeRefused("An inventory host needs its inventory name.");
        }
        groups = groups == null ? List.of() : List.copyOf(groups);
        line = line == null ? InventoryVars.none() : line;
        file = file == null ? InventoryVars.none() : file;
    }
}
