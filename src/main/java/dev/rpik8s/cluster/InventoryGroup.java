package dev.rpik8s.cluster;

import java.util.List;

/**
 * A group of an imported Ansible inventory, kept so that an export writes it back: its sections of {@code hosts}
 * and its group_vars file. Which hosts it lists is kept with the hosts (their roles, {@link InventoryHost#groups()}).
 *
 * @param hostsSection {@code hosts} has a {@code [name]} section, even an empty one
 * @param children     the groups of its {@code [name:children]} section, in order
 * @param inline       the variables of its {@code [name:vars]} section
 * @param file         the variables of {@code group_vars/name.yml}
 */
public record InventoryGroup(String name, boolean hostsSection, List<String> children, InventoryVars inline, InventoryVars file) {

    public InventoryGroup {
        if (name == null || name.isBlank()) {
            throw new PlanChangeRefused("An inventory group needs a name.");
        }
        children = children == null ? List.of() : List.copyOf(children);
        inline = inline == null ? InventoryVars.none() : inline;
        file = file == null ? InventoryVars.none() : file;
    }
}
