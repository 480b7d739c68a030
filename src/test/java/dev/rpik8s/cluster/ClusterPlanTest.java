package dev.rpik8s.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.rpik8s.testsupport.FactsBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClusterPlanTest {

    private static final String A1 = "192.168.1.11";
    private static final String A2 = "192.168.1.12";
    private static final String B1 = "192.168.1.21";

    private static ClusterPlan plan() {
        return ClusterPlan.of("pis", List.of(new Rack("a"), new Rack("b")), List.of(
                PlannedHost.unassigned(A1, 22, "pi-a1", "a", Optional.of(FactsBuilder.pi().build())),
                PlannedHost.unassigned(A2, 22, "pi-a2", "a", Optional.empty()),
                PlannedHost.unassigned(B1, 22, "pi-b1", "b", Optional.of(FactsBuilder.pi().armhf().build()))));
    }

    @ParameterizedTest(name = "''{0}'': {1}")
    @CsvSource(delimiter = '|', value = {
            "Pi-A1|'Pi-A1' has upper-case letters; Kubernetes node names are lower case. Use 'pi-a1'.",
            "pi_a1|'pi_a1' has '_', which no host name may have; use '-': 'pi-a1'.",
            "pi-a1.lan|'pi-a1.lan' has '.': give the short host name only ('pi-a1'); the domain comes from DNS.",
            "-pi|'-pi' starts or ends with '-'; a host name starts and ends with a letter or a digit.",
            "pi a1|'pi a1' has characters a host name cannot have; use only a-z, 0-9 and '-'.",
            "pi-0123456789012345678901234567890123456789012345678901234567890|'pi-0123456789012345678901234567890123456789012345678901234567890' is 64 characters long; a host name has at most 63 (RFC 1123).",
            "pi-a2|'pi-a2' is already the name of 192.168.1.12; host names must be unique, they become node names.",
    })
    void renameRefusesNamesKubernetesWouldRefuse(String name, String message) {
        PlanChangeRefused e = assertThrows(PlanChangeRefused.class, () -> plan().rename(A1, name));
        assertEquals(message.startsWith("'pi-a2'") ? message : A1 + ": " + message, e.getMessage());
    }

    @Test
    void renameRefusesAnEmptyName() {
        PlanChangeRefused e = assertThrows(PlanChangeRefused.class, () -> plan().rename(A1, ""));
        assertEquals(A1 + ": A host needs a name: lower-case letters, digits and '-', at most 63 characters.", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "pi-a1-new", "0", "node-0123456789012345678901234567890123456789012345678901234567"})
    void renameTakesRfc1123Labels(String name) {
        ClusterPlan renamed = plan().rename(A1, name);
        assertEquals(name, renamed.host(A1).hostname());
        assertEquals("pi-a1", plan().host(A1).hostname(), "the old plan is unchanged");
    }

    @Test
    void renameToItsOwnNameIsFine() {
        assertEquals("pi-a1", plan().rename(A1, "pi-a1").host(A1).hostname());
    }

    @Test
    void movesAHostToAnotherRackAndRefusesARackThatIsNotThere() {
        assertEquals("b", plan().moveToRack(A1, "b").host(A1).rack());
        PlanChangeRefused e = assertThrows(PlanChangeRefused.class, () -> plan().moveToRack(A1, "c"));
        assertEquals("There is no rack 'c' (racks: a, b); add it first.", e.getMessage());
        assertEquals("No host 10.0.0.9 in the plan.", assertThrows(PlanChangeRefused.class, () -> plan().moveToRack("10.0.0.9", "b")).getMessage());
    }

    @Test
    void racksAreAddedLastAndRemovedOnlyWhenEmpty() {
        ClusterPlan p = plan().addRack("c");
        assertEquals(List.of("a", "b", "c"), p.racks().stream().map(Rack::name).toList());
        assertEquals("There are two racks named 'c'; rack names must be unique.",
                assertThrows(PlanChangeRefused.class, () -> p.addRack("c")).getMessage());
        assertEquals("Rack 'a' still holds pi-a1, pi-a2; move them to another rack first.",
                assertThrows(PlanChangeRefused.class, () -> p.removeRack("a")).getMessage());
        assertEquals(List.of("a", "c"), p.moveToRack(B1, "c").removeRack("b").racks().stream().map(Rack::name).toList());
        assertEquals("Rack name 'rack a': use letters, digits, '-', '_' and '.', starting and ending with a letter or a digit.",
                assertThrows(PlanChangeRefused.class, () -> p.addRack("rack a")).getMessage());
    }

    @Test
    void rolesAndLabelsAreSetPerHost() {
        ClusterPlan p = plan().setRoles(A1, Set.of(Role.WORKER, Role.MASTER)).label(A1, "rack", "a").label(A1, "example.com/disk", "ssd");
        assertEquals(List.of(A1), p.hostsWith(Role.MASTER).stream().map(PlannedHost::address).toList());
        assertEquals(Map.of("rack", "a", "example.com/disk", "ssd"), p.host(A1).labels());
        assertEquals(Map.of("rack", "a"), p.unlabel(A1, "example.com/disk").host(A1).labels());
        assertEquals("Label key 'Example.com/disk': the part before '/' must be a lower-case DNS name such as 'example.com'.",
                assertThrows(PlanChangeRefused.class, () -> plan().label(A1, "Example.com/disk", "ssd")).getMessage());
        assertEquals("Label value 'fast ssd': use letters, digits, '-', '_' and '.', starting and ending with a letter or a digit.",
                assertThrows(PlanChangeRefused.class, () -> plan().label(A1, "disk", "fast ssd")).getMessage());
    }

    @Test
    void anEndpointModeTakesATargetExactlyWhenItNeedsOne() {
        assertEquals("The VIP endpoint needs a free address on the masters' network for kube-vip.",
                assertThrows(PlanChangeRefused.class, () -> new Endpoint(EndpointMode.VIP, Optional.of(" "))).getMessage());
        assertEquals("The RACK_LOCAL endpoint takes no name or address (got 'x').",
                assertThrows(PlanChangeRefused.class, () -> new Endpoint(EndpointMode.RACK_LOCAL, Optional.of("x"))).getMessage());
        assertEquals(Optional.of("k8s.lan"), new Endpoint(EndpointMode.DNS_NAME, Optional.of(" k8s.lan ")).target());
    }

    @Test
    void aSecondOverrideOfTheSameFindingReplacesTheFirst() {
        Finding f = Finding.onHost("no-cfs-bandwidth", Severity.BLOCKING, plan().host(B1), "m", List.of());
        Instant t = Instant.parse("2026-11-24T10:15:30Z");
        ClusterPlan p = plan().override(f, "first", t).override(f, "  kernel upgrade tonight ", t.plusSeconds(60));
        assertEquals(1, p.overrides().size());
        FindingOverride o = p.overrideOf(f).orElseThrow();
        assertEquals("kernel upgrade tonight", o.reason());
        assertEquals(Optional.of(B1), o.host());
        assertEquals("2026-11-24T10:16:30Z", o.recordedAt());
        assertEquals("Overriding 'no-cfs-bandwidth' needs a reason: it is kept with the plan.",
                assertThrows(PlanChangeRefused.class, () -> plan().override(f, " ", t)).getMessage());
        assertTrue(plan().overrideOf(Finding.onHost("no-cfs-bandwidth", Severity.BLOCKING, plan().host(A1), "m", List.of())).isEmpty());
    }

    /** The session directory will keep the plan as YAML through Jackson: it must come back equal. */
    @Test
    void survivesARoundTripThroughJackson() throws Exception {
        Finding f = Finding.clusterWide("no-master", Severity.BLOCKING, "m", List.of());
        ClusterPlan p = plan().setRoles(A1, Set.of(Role.MASTER, Role.INFRA)).label(B1, "rack", "b")
                .withSettings(ClusterSettings.defaults().withRuntime(ContainerRuntime.CRIO).withCpuCfsQuota(false))
                .override(f, "testing", Instant.parse("2026-11-24T10:15:30Z"));
        ObjectMapper json = new ObjectMapper().registerModule(new Jdk8Module());
        String text = json.writeValueAsString(p);
        assertEquals(p, json.readValue(text, ClusterPlan.class));
        assertEquals(text, json.writeValueAsString(json.readValue(text, ClusterPlan.class)), "written the same way twice");
    }

    /** A plan saved before plans kept inventories reads back with none. */
    @Test
    void aPlanSavedWithoutInventoryFieldsReadsBackWithNone() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new Jdk8Module());
        ObjectNode saved = json.valueToTree(plan());
        saved.remove("inventoryGroups");
        saved.withArray("hosts").forEach(h -> ((ObjectNode) h).remove("inventory"));
        assertEquals(plan(), json.treeToValue(saved, ClusterPlan.class));
    }

    /** What an imported Ansible inventory held beyond the plan's fields rides along with it, through Jackson too. */
    @Test
    void keepsWhatAnImportedInventoryHeldThroughJackson() throws Exception {
        InventoryVars line = new InventoryVars(Map.of("ansible_user", "pi"), Set.of("ansible_host"));
        InventoryVars file = new InventoryVars(Map.of("gpu_mem", "16", "mounts", "- /srv\n- /data"), Set.of("k8s_labels"));
        PlannedHost imported = new PlannedHost("10.0.0.11", 22, "pi-a1", "a", Set.of(Role.MASTER), Map.of("disk", "ssd"), Optional.empty(),
                Optional.of(new InventoryHost("pi-a1.lan", List.of("nagios"), line, file)));
        InventoryGroup all = new InventoryGroup("all", false, List.of(), InventoryVars.none(),
                new InventoryVars(Map.of("k8s_api_port", "6443", "mode", "0644"), Set.of("k8s_version")));
        InventoryGroup k8s = new InventoryGroup("k8s", false, List.of("masters", "infra", "workers"), InventoryVars.none(), InventoryVars.none());
        ClusterPlan p = new ClusterPlan("seed", List.of(new Rack("a")), List.of(imported), ClusterSettings.defaults(), List.of(), List.of(all, k8s));
        ObjectMapper json = new ObjectMapper().registerModule(new Jdk8Module());
        ClusterPlan back = json.readValue(json.writeValueAsString(p), ClusterPlan.class);
        assertEquals(p, back);
        assertEquals("0644", back.inventoryGroups().get(0).file().kept().get("mode"), "kept as written, not retyped");
        assertEquals(Optional.of("pi-a1.lan"), back.rename("10.0.0.11", "pi-x").host("10.0.0.11").inventory().map(InventoryHost::name),
                "a renamed host keeps where it came from");
    }

    @Test
    void refusesAPlanWhoseHostIsInARackItDoesNotHave() {
        PlanChangeRefused e = assertThrows(PlanChangeRefused.class, () -> ClusterPlan.of("pis", List.of(new Rack("a")),
                List.of(PlannedHost.unassigned(A1, 22, "pi-a1", "z", Optional.empty()))));
        assertEquals("pi-a1 (192.168.1.11) is in rack 'z', which the plan does not have (racks: a).", e.getMessage());
    }
}
