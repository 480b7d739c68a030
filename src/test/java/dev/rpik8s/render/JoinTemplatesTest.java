package dev.rpik8s.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** join.sh joins a master to the control plane; join-node.sh joins it as a plain node (the seed's way), from one body. */
class JoinTemplatesTest {

    private static String render(String template, List<String> roles) throws Exception {
        Map<String, Object> v = new HashMap<>(BundledTemplatesTest.sample(template));
        @SuppressWarnings("unchecked")
        Map<String, Object> host = new HashMap<>((Map<String, Object>) v.get("host"));
        host.put("roles", roles);
        v.put("host", host);
        return Templates.bundled().render(template, v).text();
    }

    @Test
    void aMasterJoinsTheControlPlaneWithJoinShAndAsANodeWithJoinNodeSh() throws Exception {
        String master = render("kubernetes/join.sh", List.of("master"));
        assertTrue(master.contains("args+=(--control-plane --certificate-key"), master);
        assertTrue(master.startsWith("#!/usr/bin/env bash\nset -euo pipefail\n"), master);
        String worker = render("kubernetes/join.sh", List.of("worker"));
        assertFalse(worker.contains("args+=(--control-plane"), worker);
        String node = render("kubernetes/join-node.sh", List.of("master"));
        assertFalse(node.contains("args+=(--control-plane"), node);
        assertTrue(node.contains("kubeadm \"${args[@]}\"") && node.contains("kubeadm-join.done"), node);
    }
}
