package dev.rpik8s.session.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.ClusterSettings;
import dev.rpik8s.cluster.PlannedHost;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The last word on what an inventory means is Ansible's ({@code ansible-inventory --list}): the plan must read the
 * seed-style inventory as Ansible does, and the export must give the same groups and, for every host, every
 * variable the original gave it, with the same value. Skipped where Ansible is not installed (Debian:
 * apt-get install ansible-core).
 */
class AnsibleReadsTheExportTest {

    @TempDir
    Path tmp;

    @Test
    void ansibleReadsTheSameGroupsAndHostVariablesFromTheExport() throws Exception {
        assumeTrue(onPath("ansible-inventory"), "ansible-inventory is not installed");
        Path out = tmp.resolve("exported");
        InventoryExport.write(InventoryImport.read(InventoryDir.SEED_12, "seed-12").plan(), "seed-12", out, false);
        JsonNode was = list(InventoryDir.SEED_12);
        JsonNode is = list(out);

        was.fieldNames().forEachRemaining(group -> {
            if (!group.equals("_meta")) {
                assertEquals(members(was.get(group)), members(is.get(group)), group);
            }
        });
        JsonNode hostvars = was.get("_meta").get("hostvars");
        assertEquals(12, hostvars.size());
        hostvars.fieldNames().forEachRemaining(host -> hostvars.get(host).fieldNames().forEachRemaining(var ->
                assertEquals(hostvars.get(host).get(var), is.get("_meta").get("hostvars").get(host).get(var), host + ": " + var)));
    }

    /** Addresses, ports, racks and settings as Ansible gives them to each host, group precedence and all. */
    @Test
    void thePlanReadsTheInventoryAsAnsibleDoes() throws Exception {
        assumeTrue(onPath("ansible-inventory"), "ansible-inventory is not installed");
        ClusterPlan plan = InventoryImport.read(InventoryDir.SEED_12, "seed-12").plan();
        JsonNode hostvars = list(InventoryDir.SEED_12).get("_meta").get("hostvars");
        for (PlannedHost h : plan.hosts()) {
            String name = h.inventory().orElseThrow().name();
            JsonNode vars = hostvars.get(name);
            assertEquals(vars.has("ansible_host") ? vars.get("ansible_host").asText() : name, h.address(), name);
            assertEquals(vars.has("ansible_port") ? vars.get("ansible_port").asInt() : 22, h.port(), name);
            List<String> labels = new ArrayList<>();
            vars.get("k8s_labels").forEach(l -> labels.add(l.asText()));
            assertTrue(labels.contains("rack=" + h.rack()), name);
        }
        JsonNode master = hostvars.get("pi-a1");
        ClusterSettings s = plan.settings();
        assertEquals(master.get("container_runtime").asText(), s.runtime().name().toLowerCase(Locale.ROOT));
        assertEquals(master.get("docker_cgroup_driver").asText(), s.cgroupDriver().name().toLowerCase(Locale.ROOT));
        assertEquals(master.get("k8s_overlay_cidr").asText(), s.podCidr());
        assertEquals(master.get("k8s_version").asText(), s.kubernetesVersion());
        assertEquals(master.get("http_proxy").asText(), s.proxy().http());
        assertEquals(master.get("docker_insecure_registries").get(0).asText(), s.insecureRegistries().get(0));
        assertEquals("cgroupfs", hostvars.get("pi-a3").get("docker_cgroup_driver").asText(), "workers' own, which the plan does not take");
    }

    private static Map<String, List<String>> members(JsonNode group) {
        Map<String, List<String>> m = new HashMap<>();
        for (String kind : List.of("hosts", "children")) {
            List<String> names = new ArrayList<>();
            if (group != null && group.has(kind)) {
                group.get(kind).forEach(n -> names.add(n.asText()));
            }
            m.put(kind, names.stream().sorted().toList());
        }
        return m;
    }

    private static JsonNode list(Path inventory) throws Exception {
        Process p = new ProcessBuilder("ansible-inventory", "-i", inventory.resolve("hosts").toAbsolutePath().toString(), "--list")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] json = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "ansible-inventory failed on " + inventory);
        return new ObjectMapper().readTree(json);
    }

    private static boolean onPath(String command) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, command)));
    }
}
