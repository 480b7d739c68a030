package dev.rpik8s.cluster;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The variables of one place of an imported Ansible inventory (a host's line in {@code hosts}, its host_vars file,
 * a group's {@code [group:vars]} section, its group_vars file). An export puts each variable back where the
 * operator had it.
 *
 * @param kept    the variables the plan has no field for, in the order they were read, each as it was written
 *                (the text of the YAML value, or what followed '=' in {@code hosts}), so that nothing is retyped
 * @param written the names of the variables this place holds for fields of the plan; their values come from the plan
 */
public record InventoryVars(Map<String, String> kept, Set<String> written) {

    public InventoryVars {
        kept = Collections.unmodifiableMap(kept == null ? new LinkedHashMap<>() : new LinkedHashMap<>(kept));
        written = Collections.unmodifiableSortedSet(written == null ? new TreeSet<>() : new TreeSet<>(written));
    }

    public static InventoryVars none() {
        return new InventoryVars(Map.of(), Set.of());
    }

    /** Not named isEmpty: Jackson would take it for a property of the session file. */
    public boolean hasAny() {
        return !kept.isEmpty() || !written.isEmpty();
    }

    public InventoryVars writing(Set<String> more) {
        Set<String> all = new TreeSet<>(written);
        all.addAll(more);
        return new InventoryVars(kept, all);
    }
}
