package dev.rpik8s.session.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.cluster.CgroupDriver;
import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.ClusterSettings;
import dev.rpik8s.cluster.Cni;
import dev.rpik8s.cluster.ContainerRuntime;
import dev.rpik8s.cluster.Endpoint;
import dev.rpik8s.cluster.EndpointMode;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.cluster.ProxySettings;
import dev.rpik8s.cluster.Rack;
import dev.rpik8s.cluster.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** Import, export, import again: the same plan, and every key of the original files in the written ones. */
class InventoryRoundTripTest {

    @TempDir
    Path tmp;

    private ClusterPlan seed() throws Exception {
        return InventoryImport.read(InventoryDir.SEED_12, "seed-12").plan();
    }

    private Path exported(ClusterPlan plan) throws Exception {
        Path out = tmp.resolve("exported");
        InventoryExport.write(plan, plan.name(), out, false);
        return out;
    }

    @Test
    void importingWhatAnExportWroteGivesTheSamePlan() throws Exception {
        ClusterPlan plan = seed();
        ClusterPlan again = InventoryImport.read(exported(plan), "seed-12").plan();
        assertEquals(plan, again);
        assertEquals(InventoryExport.files(plan, "seed-12"), InventoryExport.files(again, "seed-12"), "and it is written the same way");
    }

    /** Read as Ansible reads them (SnakeYAML speaks YAML 1.1 like PyYAML): every key, with the same value. */
    @Test
    void everyVariableOfTheOriginalVarsFilesIsWrittenBackWithTheSameValue() throws Exception {
        Path out = exported(seed());
        List<Path> originals;
        try (Stream<Path> files = Files.walk(InventoryDir.SEED_12)) {
            originals = files.filter(f -> f.toString().endsWith(".yml")).toList();
        }
        assertEquals(15, originals.size());
        for (Path original : originals) {
            String name = InventoryDir.SEED_12.relativize(original).toString();
            Map<String, Object> was = new Yaml().load(Files.readString(original));
            Map<String, Object> is = new Yaml().load(Files.readString(out.resolve(name)));
            was.forEach((key, value) -> {
                assertTrue(is.containsKey(key), () -> name + " lost " + key);
                Object written = is.get(key);
                assertEquals(key.equals("k8s_labels") ? Set.copyOf((List<?>) value) : value,
                        key.equals("k8s_labels") ? Set.copyOf((List<?>) written) : written, () -> name + ": " + key);
            });
        }
    }

    @Test
    void everyEntryOfTheOriginalHostsFileIsWrittenBack() throws Exception {
        Set<String> was = entries(Files.readString(InventoryDir.SEED_12.resolve("hosts")));
        Set<String> is = entries(Files.readString(exported(seed()).resolve("hosts")));
        Set<String> lost = new HashSet<>(was);
        lost.removeAll(is);
        assertEquals(Set.of(), lost);
        assertTrue(was.contains("[k8s:vars] docker_insecure_registries=[registry.k8s.lan:5000]"), was::toString);
        assertTrue(was.contains("pi-c3 ansible_port=2222"), was::toString);
    }

    /** Group memberships, host variables, children and group variables, values as Ansible's literal_eval reads them. */
    private static Set<String> entries(String hosts) throws InventoryException {
        Set<String> entries = new HashSet<>();
        for (HostsFile.Section s : HostsFile.parse(hosts)) {
            for (HostsFile.Line e : s.entries()) {
                if (e instanceof HostsFile.HostLine line) {
                    for (String name : line.names()) {
                        entries.add("[" + s.group() + "] " + name);
                        line.vars().forEach(v -> entries.add(name + " " + v.key() + "=" + IniValue.parse(v.value())));
                    }
                } else if (e instanceof HostsFile.ChildLine child) {
                    entries.add("[" + s.group() + ":children] " + child.group());
                } else if (e instanceof HostsFile.Var v) {
                    entries.add("[" + s.group() + ":vars] " + v.key() + "=" + IniValue.parse(v.raw()));
                }
            }
        }
        return entries;
    }

    @Test
    void valuesAreWrittenAsTheyWereNotRetyped() throws Exception {
        String all = Files.readString(exported(seed()).resolve("group_vars/all.yml"));
        for (String line : List.of("unattended_upgrades: yes", "sd_card_mode: 0644", "k8s_version: '1.20'", "k8s_init_token_ttl: 0",
                "motd: |\n  Managed by Ansible.\n  Do not edit by hand.", "ntp_servers: [0.debian.pool.ntp.org, 1.debian.pool.ntp.org]",
                "no_proxy:\n- '*.k8s.lan'\n- 10/8")) {
            assertTrue(all.contains(line + "\n"), () -> "no '" + line + "' in\n" + all);
        }
        String k8s = Files.readString(tmp.resolve("exported/group_vars/k8s.yml"));
        assertTrue(k8s.contains("flannel_nat_hack: True\n"), k8s);
    }

    @Test
    void aVersionWrittenBareIsWrittenBackQuoted(@TempDir Path in) throws Exception {
        new InventoryDir(in).with("hosts", "[masters]\npi-1\n").with("group_vars/all.yml", "k8s_version: 1.20\nk8s_cni: weave\n");
        ClusterPlan plan = InventoryImport.read(in, "t").plan();
        String all = InventoryExport.files(plan, "t").get("group_vars/all.yml");
        assertTrue(all.contains("k8s_version: '1.20'\n"), all);
        assertEquals("1.20", ((Map<?, ?>) new Yaml().load(all)).get("k8s_version"), "Ansible now reads the version that was meant");
    }

    @Test
    void aPlanMadeInTheWizardIsWrittenInTheSeedsLayoutAndReadBackTheSame() throws Exception {
        ClusterSettings settings = new ClusterSettings("1.35.2", "10.244.0.0/16", "10.112.0.0/12", Cni.CALICO, ContainerRuntime.CRIO,
                CgroupDriver.CGROUPFS, new Endpoint(EndpointMode.VIP, Optional.of("10.0.0.100")),
                new ProxySettings("", "http://proxy.lan:3128", "10.0.0.0/8,.lan"), List.of("registry.lan"), false, true, false);
        ClusterPlan plan = ClusterPlan.of("lab", List.of(new Rack("a"), new Rack("b"), new Rack("default")), List.of(
                        PlannedHost.unassigned("10.0.0.11", 22, "pi-a1", "a", Optional.empty()),
                        PlannedHost.unassigned("10.0.0.21", 2222, "pi-b1", "b", Optional.empty()),
                        PlannedHost.unassigned("pi-x.lan", 22, "pi-x", "default", Optional.empty())))
                .setRoles("10.0.0.11", Set.of(Role.MASTER)).setRoles("10.0.0.21", Set.of(Role.WORKER, Role.INFRA))
                .label("10.0.0.21", "disk", "ssd").withSettings(settings);

        Map<String, String> files = InventoryExport.files(plan, "lab");
        assertEquals(Set.of("hosts", "group_vars/all.yml", "host_vars/pi-a1.yml", "host_vars/pi-b1.yml"), files.keySet());
        String hosts = files.get("hosts");
        for (String section : List.of("[masters]\npi-a1 ansible_host=10.0.0.11\n", "[infra]\npi-b1 ansible_host=10.0.0.21 ansible_port=2222\n",
                "[workers]\npi-b1\n", "[k8s]\npi-x ansible_host=pi-x.lan\n", "[k8s:children]\nmasters\ninfra\nworkers\n")) {
            assertTrue(hosts.contains(section), () -> "no\n" + section + "in\n" + hosts);
        }
        Map<String, Object> all = new Yaml().load(files.get("group_vars/all.yml"));
        assertEquals("crio", all.get("container_runtime"), "the seed's roles test container_runtime == 'crio'");
        assertEquals("10.0.0.100", all.get("k8s_api_hostname"));
        assertEquals("vip", all.get("rpik8s_endpoint_mode"));
        assertFalse(all.containsKey("http_proxy"), "no proxy for http: nothing to say");
        assertEquals("http://proxy.lan:3128", all.get("https_proxy"));
        assertEquals(List.of("10.0.0.0/8", ".lan"), all.get("no_proxy"));
        assertEquals(List.of("rack=b", "disk=ssd"), ((Map<?, ?>) new Yaml().load(files.get("host_vars/pi-b1.yml"))).get("k8s_labels"));

        ClusterPlan back = InventoryImport.read(exported(plan), "lab").plan();
        assertEquals(settings, back.settings());
        assertEquals(List.of("a", "b", "default"), back.racks().stream().map(Rack::name).toList());
        for (PlannedHost h : plan.hosts()) {
            PlannedHost b = back.host(h.address());
            assertEquals(List.of(h.hostname(), h.port(), h.rack(), h.roles(), h.labels()), List.of(b.hostname(), b.port(), b.rack(), b.roles(), b.labels()));
        }
    }

    @Test
    void aRenamedHostKeepsItsDomainItsAddressAndItsVariables() throws Exception {
        ClusterPlan plan = seed().rename("pi-a2.k8s.lan", "pi-x2").rename("10.42.1.14", "pi-a9");
        Map<String, String> files = InventoryExport.files(plan, "seed-12");
        assertTrue(files.get("hosts").contains("[infra]\npi-x2.k8s.lan ansible_host=pi-a2.k8s.lan\n"), files.get("hosts"));
        assertTrue(files.get("hosts").contains("\npi-a9 ansible_host=10.42.1.14 ansible_user=pi\n"), files.get("hosts"));
        assertTrue(files.get("host_vars/pi-a9.yml").contains("docker_pool_device: /dev/sda3"), files.get("host_vars/pi-a9.yml"));
        assertTrue(files.containsKey("host_vars/pi-x2.k8s.lan.yml"));
        assertFalse(files.containsKey("host_vars/pi-a2.k8s.lan.yml"));
        ClusterPlan back = InventoryImport.read(exported(plan), "seed-12").plan();
        assertEquals("pi-x2", back.host("pi-a2.k8s.lan").hostname());
        assertEquals(files, InventoryExport.files(back, "seed-12"), "read back, it is written the same way");
    }

    @Test
    void anExportRefusesADirectoryThatHoldsFilesUnlessForced() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve("notes.txt"), "mine");
        InventoryException e = assertThrows(InventoryException.class, () -> InventoryExport.write(seed(), "seed-12", out, false));
        assertEquals(out + " is not empty: export into a new or empty directory, or add --force to overwrite the files it writes there "
                + "(others are left as they are).", e.getMessage());
        assertFalse(Files.exists(out.resolve("hosts")), "nothing written");

        List<String> written = InventoryExport.write(seed(), "seed-12", out, true);
        assertEquals(16, written.size());
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
        try (Stream<Path> files = Files.walk(out)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList(), "atomic writes leave no temporary file");
        }
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertEquals(file + " is a file; an inventory is a directory: choose another path.",
                assertThrows(InventoryException.class, () -> InventoryExport.write(seed(), "seed-12", file, true)).getMessage());
    }
}
