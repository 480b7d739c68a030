package dev.rpik8s.session.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.cluster.CgroupDriver;
import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.ClusterSettings;
import dev.rpik8s.cluster.Cni;
import dev.rpik8s.cluster.ContainerRuntime;
import dev.rpik8s.cluster.Endpoint;
import dev.rpik8s.cluster.EndpointMode;
import dev.rpik8s.cluster.InventoryGroup;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.cluster.ProxySettings;
import dev.rpik8s.cluster.Rack;
import dev.rpik8s.cluster.Role;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryImportTest {

    @TempDir
    Path tmp;

    private static InventoryImport.Result seed() throws Exception {
        return InventoryImport.read(InventoryDir.SEED_12, "seed-12");
    }

    private static List<String> names(List<PlannedHost> hosts) {
        return hosts.stream().map(PlannedHost::hostname).toList();
    }

    private int made;

    /** A fresh directory each time, so the inventories of one test do not mix. */
    private InventoryDir inventory(String hosts) {
        return new InventoryDir(tmp.resolve("inventory-" + ++made)).with("hosts", hosts);
    }

    private InventoryImport.Result read(InventoryDir dir) throws Exception {
        return InventoryImport.read(dir.path(), "t");
    }

    private String problems(InventoryDir dir) {
        return assertThrows(InventoryException.class, () -> read(dir)).getMessage();
    }

    @Test
    void theSeedsTwelvePisBecomeAPlanOfThreeRacksWithTheirRoles() throws Exception {
        ClusterPlan plan = seed().plan();
        assertEquals("seed-12", plan.name());
        assertEquals(12, plan.hosts().size());
        assertEquals(List.of("a", "b", "c"), plan.racks().stream().map(Rack::name).toList());
        assertEquals(List.of("pi-a1", "pi-a2", "pi-a3", "pi-a4"), names(plan.hostsIn("a")));
        assertEquals(List.of("pi-c1", "pi-c2", "pi-c3", "lb-c4"), names(plan.hostsIn("c")));
        assertEquals(List.of("pi-a1", "pi-b1", "pi-c1"), names(plan.hostsWith(Role.MASTER)));
        assertEquals(List.of("pi-a2", "pi-b2", "pi-c2"), names(plan.hostsWith(Role.INFRA)));
        assertEquals(List.of("pi-a3", "pi-a4", "pi-b3", "pi-b4", "pi-c3"), names(plan.hostsWith(Role.WORKER)));
        assertEquals(List.of("lb-c4"), names(plan.hostsWith(Role.LB)));
        assertTrue(plan.hosts().stream().allMatch(h -> h.roles().size() == 1), "the seed's groups give one role each");
    }

    @Test
    void addressesPortsAndLabelsComeFromTheHostsLinesAndHostVars() throws Exception {
        ClusterPlan plan = seed().plan();
        PlannedHost a1 = plan.host("10.42.1.11");
        assertEquals("pi-a1", a1.hostname());
        assertEquals(22, a1.port());
        assertEquals(Map.of("disk", "ssd"), a1.labels(), "rack=a places it in rack a; it is not kept as a second label");
        assertEquals(2222, plan.host("10.42.3.13").port());
        PlannedHost a2 = plan.host("pi-a2.k8s.lan");
        assertEquals("pi-a2", a2.hostname(), "a DNS name without ansible_host is the address; its first label the node name");
        assertEquals(Map.of("node-role.kubernetes.io/infra", ""), a2.labels());
        assertEquals(Optional.of("pi-a2.k8s.lan"), a2.inventory().map(i -> i.name()));
        assertEquals(List.of("nagios"), plan.host("10.42.3.14").inventory().orElseThrow().groups());
        assertEquals(List.of("3 hosts are named by DNS name in hosts (pi-a2.k8s.lan, ...): each becomes the node named by the first "
                + "label (pi-a2), as the seed's roles name them, and keeps its inventory name in an export."), seed().notes());
    }

    @Test
    void settingsComeFromGroupVarsAndTheK8sVarsSection() throws Exception {
        ClusterSettings s = seed().plan().settings();
        ClusterSettings expected = new ClusterSettings("1.20", "10.128.0.0/12", "10.96.0.0/12", Cni.FLANNEL, ContainerRuntime.DOCKER,
                CgroupDriver.SYSTEMD, new Endpoint(EndpointMode.DNS_NAME, Optional.of("k8s-api.k8s.lan")),
                new ProxySettings("http://10.42.0.1:3128", "http://10.42.0.1:3128", "*.k8s.lan,10/8"), List.of("registry.k8s.lan:5000"),
                true, false, false);
        assertEquals(expected, s, "docker_cgroup_driver: cgroupfs in group_vars/workers.yml is for workers only, not the cluster");
    }

    @Test
    void whatThePlanHasNoFieldForIsListedWithFileAndLine() throws Exception {
        List<String> said = seed().notUnderstood();
        for (String line : List.of(
                "hosts:15: ansible_user (pi-a3)",
                "hosts:22: haproxy_maxconn (lb-c4)",
                "hosts:32: group [nagios], with 2 hosts",
                "hosts:37: nrpe_port ([nagios:vars])",
                "hosts:39: group [monitoring], with children nagios",
                "group_vars/all.yml:2: ansible_user",
                "group_vars/all.yml:8: k8s_api_port",
                "group_vars/all.yml:23: unattended_upgrades",
                "group_vars/k8s.yml:7: csi_ceph_mons",
                "group_vars/workers.yml:2: docker_cgroup_driver: set for group workers only, and the plan's settings are for the whole cluster",
                "host_vars/pi-a4.yml:4: docker_pool_device (pi-a4)")) {
            assertTrue(said.contains(line), () -> "missing '" + line + "' in\n" + String.join("\n", said));
        }
        assertEquals(26, said.size(), () -> String.join("\n", said));
        assertTrue(said.indexOf("hosts:39: group [monitoring], with children nagios") < said.indexOf("group_vars/all.yml:2: ansible_user"),
                "hosts first, then group_vars, then host_vars");
    }

    @Test
    void everyVariableListedIsKeptInThePlanAsItWasWritten() throws Exception {
        ClusterPlan plan = seed().plan();
        InventoryGroup all = plan.inventoryGroups().stream().filter(g -> g.name().equals("all")).findFirst().orElseThrow();
        assertEquals("yes", all.file().kept().get("unattended_upgrades"), "not true");
        assertEquals("0644", all.file().kept().get("sd_card_mode"), "not 420");
        assertEquals("- 127.0.0.1\n- 10.42.0.200", all.file().kept().get("nagios_allowed_hosts"));
        assertEquals("|\n  Managed by Ansible.\n  Do not edit by hand.", all.file().kept().get("motd"));
        assertEquals("[0.debian.pool.ntp.org, 1.debian.pool.ntp.org]", all.file().kept().get("ntp_servers"));
        InventoryGroup k8s = plan.inventoryGroups().stream().filter(g -> g.name().equals("k8s")).findFirst().orElseThrow();
        assertEquals("- 10.42.253.110\n- 10.42.253.111\n- 10.42.253.112", k8s.file().kept().get("csi_ceph_mons"), "its indentation under the key is not kept");
        assertEquals(List.of("masters", "infra", "workers"), k8s.children());
        assertEquals(Set.of("docker_insecure_registries"), k8s.inline().written());
        assertEquals(Map.of("ansible_user", "pi"), plan.host("10.42.1.13").inventory().orElseThrow().line().kept());
        assertEquals(List.of("masters", "infra", "workers", "lb", "k8s", "nagios", "monitoring", "all"),
                plan.inventoryGroups().stream().map(InventoryGroup::name).toList(), "in the order of their sections");
    }

    @Test
    void implicitYamlTypesAreReadAsTheOperatorMeantThem() throws Exception {
        ClusterPlan plan = read(inventory("[masters]\npi-1\n").with("group_vars/all.yml",
                "k8s_version: 1.20\nhttp_proxy: false\ndocker_insecure_registries: []\nrpik8s_cpu_cfs_quota: no\n")).plan();
        assertEquals("1.20", plan.settings().kubernetesVersion(), "YAML 1.1 would say 1.2");
        assertEquals(ProxySettings.none(), plan.settings().proxy(), "false is the seed's 'no proxy'");
        assertEquals(List.of(), plan.settings().insecureRegistries());
        assertEquals(false, plan.settings().cpuCfsQuota());
    }

    @Test
    void aHostWithoutARackLabelIsInTheDefaultRackListedLast() throws Exception {
        ClusterPlan plan = read(inventory("[masters]\npi-1\n[workers]\npi-2\npi-3\n").with("host_vars/pi-3.yml", "k8s_labels: [rack=b]\n")).plan();
        assertEquals(List.of("b", "default"), plan.racks().stream().map(Rack::name).toList());
        assertEquals(List.of("pi-1", "pi-2"), names(plan.hostsIn("default")));
    }

    @Test
    void hostsListedOnlyInK8sAreInTheClusterWithNoRoleYet() throws Exception {
        ClusterPlan plan = read(inventory("[k8s]\npi-1.lan\npi-2.lan\n")).plan();
        assertEquals(List.of("pi-1", "pi-2"), names(plan.hosts()));
        assertTrue(plan.hosts().stream().allMatch(h -> h.roles().isEmpty()));
    }

    @Test
    void rangesAndPortsInTheHostPatternAreAnsibles() throws Exception {
        ClusterPlan plan = read(inventory("[workers]\npi-[01:03]:2222 ansible_user=pi\n")).plan();
        assertEquals(List.of("pi-01", "pi-02", "pi-03"), names(plan.hosts()));
        assertTrue(plan.hosts().stream().allMatch(h -> h.port() == 2222));
    }

    @Test
    void whereTheSeedsRolesDefaultedOtherwiseANoteSaysWhatThePlanTakes() throws Exception {
        List<String> notes = read(inventory("[masters]\npi-1\n")).notes();
        assertTrue(notes.contains("No container_runtime: the seed's roles defaulted to docker; the plan takes containerd."), notes::toString);
        assertTrue(notes.contains("No k8s_overlay_cidr: the seed's roles defaulted to 10.32.0.0/12; the plan takes 10.244.0.0/16."), notes::toString);
        assertTrue(notes.contains("[k8s:children] is not in hosts; the seed deploys Kubernetes on the hosts of k8s, so an export lists masters."),
                notes::toString);
    }

    @Test
    void aTemplatedOrEncryptedSettingIsKeptForAnsibleAndTheListSaysWhy() throws Exception {
        InventoryImport.Result r = read(inventory("[masters]\npi-1\n").with("group_vars/all.yml",
                "k8s_api_hostname: \"{{ lookup('env', 'API') }}\"\nhttp_proxy: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  6162\n"));
        assertEquals(Endpoint.firstMaster(), r.plan().settings().endpoint());
        assertTrue(r.notUnderstood().contains("group_vars/all.yml:1: k8s_api_hostname: it is a Jinja template, which only Ansible can "
                + "evaluate; the plan keeps its own value"), r.notUnderstood()::toString);
        assertTrue(r.notUnderstood().contains("group_vars/all.yml:2: http_proxy: it is tagged !vault (an encrypted value?); the plan "
                + "keeps its own value"), r.notUnderstood()::toString);
    }

    @Test
    void aSettingForOneHostOrAHostVariableForAGroupIsKeptAndTheListSaysWhy() throws Exception {
        InventoryImport.Result r = read(inventory("[masters]\npi-1 container_runtime=crio\n[all:vars]\nansible_port=2222\n"));
        assertEquals(ContainerRuntime.CONTAINERD, r.plan().settings().runtime());
        assertEquals(22, r.plan().hosts().get(0).port());
        assertEquals(List.of("hosts:2: container_runtime: set for this host only, and the plan's settings are for the whole cluster (pi-1)",
                "hosts:4: ansible_port: set for a whole group, and the plan reads it per host ([all:vars])"), r.notUnderstood());
    }

    @Test
    void varsFilesAnsibleWouldNotReadAreNamed() throws Exception {
        List<String> notes = read(inventory("[masters]\npi-1\n").with("host_vars/pi-9.yml", "k8s_labels: [rack=a]\n")
                .with("group_vars/README.md", "x")).notes();
        assertTrue(notes.contains("host_vars/pi-9.yml: not imported, and not written back: it is not the vars file of a host in hosts, "
                + "so Ansible does not read it either."), notes::toString);
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("group_vars/README.md: not imported")), notes::toString);
    }

    @Test
    void noHostsFile() {
        String said = assertThrows(InventoryException.class, () -> InventoryImport.read(tmp, "t")).getMessage();
        assertEquals(tmp + " has no 'hosts' file, so it is not an inventory of the seed's roles. Give the directory that holds hosts, "
                + "group_vars/ and host_vars/ (ansible-playbook -i DIR/hosts ...).", said);
    }

    @Test
    void aHostInNoGroup() {
        assertEquals("hosts:1: pi-0 is in no group: it comes before any [group] header. Put it under [masters], [infra], [workers] or [lb].",
                problems(inventory("pi-0\n[masters]\npi-1\n")));
        assertEquals("hosts:4: pi-2 is in none of the groups masters, infra, workers, lb or k8s, so it has no part in the cluster: "
                + "list it under one of them, or remove it.", problems(inventory("[masters]\npi-1\n[nagios]\npi-2\n")));
    }

    @Test
    void aDuplicateHost() {
        assertEquals("hosts:5: pi-2 is listed twice in [workers] (also on line 4): remove one of the lines.",
                problems(inventory("[masters]\npi-1\n[workers]\npi-2\npi-2\n")));
        assertEquals("hosts:3: pi-1 and pi-1.lan (hosts:2) would both be node 'pi-1': give each host its own.",
                problems(inventory("[masters]\npi-1.lan\npi-1\n")));
        assertEquals("hosts:3: pi-2 and pi-1 (hosts:2) both have the address 10.0.0.1: give each host its own.",
                problems(inventory("[masters]\npi-1 ansible_host=10.0.0.1\npi-2 ansible_host=10.0.0.1\n")));
        assertEquals("hosts:4: pi-1 has ansible_host=10.0.0.2 here and ansible_host=10.0.0.1 on hosts:2; a host has one value per "
                + "variable: keep one.", problems(inventory("[masters]\npi-1 ansible_host=10.0.0.1\n[workers]\npi-1 ansible_host=10.0.0.2\n")));
    }

    @Test
    void aNameKubernetesWouldRefuseIsNamedNotChanged() {
        assertEquals("hosts:2: 'Pi_A1' has upper-case letters; Kubernetes node names are lower case. Use 'pi_a1'. Rename Pi_A1 in hosts "
                + "and host_vars/Pi_A1.yml.", problems(inventory("[masters]\nPi_A1\n").with("host_vars/Pi_A1.yml", "x: 1\n")));
        assertEquals("hosts:2: 10.0.0.1 is an address; Kubernetes needs a name for each node: write 'pi-1 ansible_host=10.0.0.1' "
                + "(with the Pi's host name) instead.", problems(inventory("[masters]\n10.0.0.1\n")));
    }

    @Test
    void unreadableYamlIsNamedWithItsLine() {
        assertEquals("group_vars/all.yml:3: not valid YAML: while parsing a flow sequence, expected ',' or ']', but got <stream end>. "
                + "Fix that line and import again.", problems(inventory("[masters]\npi-1\n").with("group_vars/all.yml", "k8s_cni: flannel\nno_proxy: [a, b\n")));
        assertEquals("group_vars/all.yml:3: k8s_cni is set twice (also on line 1); Ansible keeps the last one: remove the other.",
                problems(inventory("[masters]\npi-1\n").with("group_vars/all.yml", "k8s_cni: flannel\nx: 1\nk8s_cni: weave\n")));
        assertEquals("host_vars/pi-1.yml:1: holds no variables: a vars file is 'name: value' lines.",
                problems(inventory("[masters]\npi-1\n").with("host_vars/pi-1.yml", "- rack=a\n")));
        assertTrue(problems(inventory("[masters]\npi-1\n").with("group_vars/all.yml", "$ANSIBLE_VAULT;1.1;AES256\n6162\n"))
                .startsWith("group_vars/all.yml is encrypted with ansible-vault, which rpik8s-tui cannot read: decrypt it"));
    }

    @Test
    void badValuesAndLayoutsSayWhatToDo() {
        assertEquals("group_vars/all.yml:1: container_runtime 'rkt' is not one rpik8s-tui knows: docker, crio, containerd.",
                problems(inventory("[masters]\npi-1\n").with("group_vars/all.yml", "container_runtime: rkt\n")));
        assertEquals("host_vars/pi-1.yml:1: k8s_labels: 'fast' is not a label: write key=value, such as rack=a.",
                problems(inventory("[masters]\npi-1\n").with("host_vars/pi-1.yml", "k8s_labels: [fast]\n")));
        assertEquals("host_vars/pi-1.yml:1: Rack name 'rack a': use letters, digits, '-', '_' and '.', starting and ending with a letter or a digit.",
                problems(inventory("[masters]\npi-1\n").with("host_vars/pi-1.yml", "k8s_labels: ['rack=rack a']\n")));
        assertEquals("hosts:2: ansible_port 'ssh' is not a port (1 to 65535).", problems(inventory("[masters]\npi-1 ansible_port=ssh\n")));
        assertEquals(List.of("hosts:4: [masters:children]: rpik8s-tui takes a host's role from the masters, infra, workers, lb sections "
                + "themselves; list the hosts of rack_a under [masters].", "hosts:6: pi-2 is in none of the groups masters, infra, workers, lb "
                + "or k8s, so it has no part in the cluster: list it under one of them, or remove it."),
                List.of(problems(inventory("[masters]\npi-1\n[masters:children]\nrack_a\n[rack_a]\npi-2\n")).split("\n")));
        assertEquals("hosts:1: '[all vars]' is not a section header: write [group], [group:children] or [group:vars], with no spaces.",
                problems(inventory("[all vars]\n")));
        assertEquals("group_vars/all/ is a directory: rpik8s-tui reads one vars file per group (group_vars/all.yml); merge its files "
                + "into that one and import again.", problems(inventory("[masters]\npi-1\n").with("group_vars/all/main.yml", "x: 1\n")));
    }

    @Test
    void everyProblemIsSaidAtOnce() {
        InventoryException e = assertThrows(InventoryException.class, () -> read(inventory("[masters]\nPi-1\n[workers]\npi-2\npi-2\n")
                .with("group_vars/all.yml", "container_runtime: rkt\nk8s_cni: cilium\n")));
        assertEquals(4, e.problems().size(), e::getMessage);
    }
}
