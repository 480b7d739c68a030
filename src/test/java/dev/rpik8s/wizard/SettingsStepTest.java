package dev.rpik8s.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.cluster.ClusterSettings;
import dev.rpik8s.cluster.DiscoveredHost;
import dev.rpik8s.session.Session;
import dev.rpik8s.testsupport.FactsBuilder;
import dev.rpik8s.testsupport.PlannedPis;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings step over a real session directory: choices per version, checks of what is typed, findings, saving. */
class SettingsStepTest {

    @TempDir
    Path sessions;

    private Session session;

    /** The PlannedPis, with the suggested roles taken, so that only the settings decide what blocks. */
    @BeforeEach
    void planned() throws Exception {
        session = PlannedPis.session(sessions);
        assertEquals(Optional.empty(), new PlanStep(session, PlannedPis.CLOCK).acceptSuggestion());
    }

    private SettingsStep step() {
        return new SettingsStep(new PlanStep(session, PlannedPis.CLOCK));
    }

    private static Optional<FindingLine> finding(SettingsStep s, String code) {
        return s.findingLines().stream().filter(l -> l.code().equals(code)).findFirst();
    }

    private static Choice choice(SettingsStep s, Setting setting, String value) {
        return s.choices(setting).stream().filter(c -> c.value().equals(value)).findFirst().orElseThrow();
    }

    @Test
    void versionsAreNewestFirstWithWhatTheyLack() {
        SettingsStep s = step();
        List<Choice> versions = s.choices(Setting.VERSION);
        assertEquals("1.35", versions.get(0).value());
        assertEquals("1.17", versions.get(versions.size() - 1).value());
        assertEquals("no armhf packages, cgroup v1 refused", versions.get(0).note());
        assertEquals("packages: none (apt.kubernetes.io is gone)", choice(s, Setting.VERSION, "1.23").note());
        assertEquals("", choice(s, Setting.VERSION, "1.26").note());
        assertEquals("1.35", s.value(Setting.VERSION));
    }

    @Test
    void aHostWithoutCfsBandwidthBlocksUnderContainerdAndOnlyWarnsUnderDockerOrWithCpuCfsQuotaOff() {
        SettingsStep s = step();
        assertTrue(finding(s, "no-cfs-bandwidth").orElseThrow().blocks());
        assertEquals("blocks on pi-22", choice(s, Setting.RUNTIME, "containerd").note());
        assertEquals("blocks on pi-22", choice(s, Setting.RUNTIME, "cri-o").note());
        assertEquals("through cri-dockerd; warns on pi-22", choice(s, Setting.RUNTIME, "docker").note());
        assertTrue(s.blocked().orElseThrow().startsWith("1 blocking finding left"), s.blocked().toString());

        assertEquals(Optional.empty(), s.set(Setting.RUNTIME, "docker"));
        assertEquals("warning", finding(s, "no-cfs-bandwidth").orElseThrow().weight());
        assertTrue(finding(s, "docker-needs-cri-dockerd").isPresent());
        assertEquals(Optional.empty(), s.blocked());

        assertEquals(Optional.empty(), s.set(Setting.RUNTIME, "containerd"));
        assertEquals("CPU limits enforced; needs CFS bandwidth; blocks on pi-22", choice(s, Setting.CPU_CFS_QUOTA, "on").note());
        assertEquals(Optional.empty(), s.set(Setting.CPU_CFS_QUOTA, "off"));
        FindingLine quotaOff = finding(s, "no-cfs-bandwidth").orElseThrow();
        assertEquals("warning", quotaOff.weight());
        assertTrue(quotaOff.message().contains("CPU limits are not enforced on any host"), quotaOff.message());
        assertEquals(Optional.empty(), s.blocked());
    }

    @Test
    void anOlderVersionOffersWeaveANewerOneNoLongerAndTheFindingsSaySo() {
        SettingsStep s = step();
        assertFalse(s.choices(Setting.CNI).stream().anyMatch(c -> c.value().equals("weave")), "1.35 has no Weave Net");
        assertTrue(s.set(Setting.CNI, "weave").orElseThrow().startsWith("CNI (pod network): 'weave' is not offered with Kubernetes 1.35"));

        assertEquals(Optional.empty(), s.set(Setting.VERSION, "1.22"));
        assertEquals("", choice(s, Setting.RUNTIME, "docker").note().replace("warns on pi-22", "").strip(),
                "1.22 still has dockershim: no cri-dockerd");
        assertEquals(Optional.empty(), s.set(Setting.CNI, "Weave Net"));
        assertTrue(finding(s, "weave-end-of-life").isPresent());
        assertTrue(finding(s, "no-package-repository").orElseThrow().blocks());

        assertEquals(Optional.empty(), s.set(Setting.VERSION, "1.23"));
        // the pinned Calico is for 1.32 and later; Weave Net stays listed while it is the choice, marked
        assertEquals(List.of("flannel", "weave"), s.choices(Setting.CNI).stream().map(Choice::value).toList());
        assertTrue(choice(s, Setting.CNI, "weave").note().startsWith("not offered with Kubernetes 1.23: choose another"));
        assertTrue(finding(s, "cni-not-offered").orElseThrow().blocks());

        assertEquals(Optional.empty(), s.set(Setting.VERSION, "1.32"));
        assertEquals(Optional.empty(), s.set(Setting.CNI, "Calico"));
        assertEquals(List.of("flannel", "calico"), s.choices(Setting.CNI).stream().map(Choice::value).toList());
        assertTrue(s.set(Setting.VERSION, "1.9").orElseThrow().contains("not in the wizard's version table; choose one from 1.17 to 1.35"));
    }

    @Test
    void aBadCidrIsRefusedNamingTheFieldAndHowToWriteIt() {
        SettingsStep s = step();
        ClusterSettings before = s.settings();
        assertEquals(Optional.of("Pod CIDR: 10.244.0.0/33: the prefix /33 is past /32."), s.set(Setting.POD_CIDR, "10.244.0.0/33"));
        assertEquals(Optional.of("Pod CIDR: '10.244.0.0' is not a CIDR block: write it as ADDRESS/PREFIX, such as 10.244.0.0/16."),
                s.set(Setting.POD_CIDR, "10.244.0.0"));
        assertTrue(s.set(Setting.POD_CIDR, "10.244.0.0/26").orElseThrow().contains("smaller than one node's share"));
        assertEquals(Optional.of("Pod CIDR: 10.244.0.0/23 has room for 2 nodes (a /24 each) and the plan has 5 hosts: write /21 or"
                + " less; /16 is usual."), s.set(Setting.POD_CIDR, "10.244.0.0/23"));
        assertTrue(s.set(Setting.SERVICE_CIDR, "10.0.0.0/8").orElseThrow().startsWith("Service CIDR: 10.0.0.0/8 is larger than"));
        assertEquals(before, s.settings(), "nothing changed");
    }

    @Test
    void podAndServiceCidrsMustNotOverlapEachOtherOrTheHostsNetwork() {
        SettingsStep s = step();
        assertEquals(Optional.of("Pod CIDR: 10.96.0.0/16 overlaps the service CIDR 10.96.0.0/12: a pod and a service would share"
                + " addresses. Choose a block apart from it, such as 10.244.0.0/16."), s.set(Setting.POD_CIDR, "10.96.0.0/16"));
        String onHosts = s.set(Setting.POD_CIDR, "10.0.0.0/16").orElseThrow();
        assertTrue(onHosts.startsWith("Pod CIDR: 10.0.0.0/16 overlaps the hosts' network: it holds raspberrypi (10.0.0.21)."), onHosts);
        String onScanned = s.set(Setting.SERVICE_CIDR, "10.0.0.128/25").orElseThrow();
        assertTrue(onScanned.startsWith("Service CIDR: 10.0.0.128/25 overlaps the hosts' network: it holds 10.0.0.0/24, where"
                + " discovery looked for the hosts."), onScanned);
        assertTrue(onScanned.endsWith("such as 10.96.0.0/12."), onScanned);

        assertEquals(Optional.empty(), s.set(Setting.POD_CIDR, "172.16.0.0/16"));
        assertEquals(Optional.empty(), s.set(Setting.SERVICE_CIDR, " 10.112.0.0/12 "));
        assertEquals("172.16.0.0/16", s.value(Setting.POD_CIDR));
        assertEquals("10.112.0.0/12", s.value(Setting.SERVICE_CIDR));
    }

    @Test
    void anEndpointThatNeedsAnAddressOrANameChecksIt() {
        SettingsStep s = step();
        assertEquals(Optional.of("a free address on the masters' network for kube-vip"), s.asks("vip"));
        assertEquals(Optional.empty(), s.asks("first-master"));
        assertEquals(Optional.of("API endpoint (VIP (kube-vip)) needs a free address on the masters' network for kube-vip."),
                s.set(Setting.ENDPOINT, "vip"));
        String badVip = s.endpoint("vip", "10.0.0.300").orElseThrow();
        assertTrue(badVip.startsWith("API endpoint (VIP (kube-vip)): 10.0.0.300: '300' in"
                + " 10.0.0.300 is not a number from 0 to 255."), badVip);
        assertTrue(s.endpoint("vip", "10.0.0.21").orElseThrow().contains("10.0.0.21 is the address of raspberrypi (10.0.0.21). kube-vip"
                + " needs an address no host has"));
        assertTrue(s.endpoint("lb-host", "10.244.0.9").orElseThrow().contains("inside 10.244.0.0/16"));
        assertTrue(s.endpoint("dns-name", "API_server").orElseThrow().startsWith("API endpoint (DNS name): 'API_server' has upper-case"));
        assertTrue(s.endpoint("dns-name", "10.0.0.50").orElseThrow().contains("is an address, not a name"));
        assertEquals("first-master", s.value(Setting.ENDPOINT), "still as it was");

        assertEquals(Optional.empty(), s.endpoint("vip", "10.0.0.50"));
        assertEquals("vip", s.value(Setting.ENDPOINT));
        assertEquals("10.0.0.50", s.endpointTarget());
        assertEquals("10.0.0.50", choice(s, Setting.ENDPOINT, "vip").note());
        assertEquals(Optional.empty(), s.set(Setting.ENDPOINT, "vip"), "the same mode keeps its address");
        assertEquals(Optional.empty(), s.set(Setting.ENDPOINT, "rack-local"));
        assertEquals("", s.endpointTarget());
    }

    @Test
    void registriesAndProxiesAreCheckedEntryByEntry() {
        SettingsStep s = step();
        assertEquals(Optional.of("Insecure registries: 'registry.lan' has no port: write each as HOST:PORT, comma separated, such as"
                + " registry.lan:5000, 10.0.0.5:5000."), s.set(Setting.INSECURE_REGISTRIES, "registry.lan"));
        assertEquals(Optional.of("Insecure registries: registry.lan:99999: '99999' is not a TCP port (1 to 65535)."),
                s.set(Setting.INSECURE_REGISTRIES, "10.0.0.5:5000, registry.lan:99999"));
        assertTrue(s.set(Setting.INSECURE_REGISTRIES, "a,,b:1").orElseThrow().contains("an empty entry"));
        assertEquals(Optional.empty(), s.set(Setting.INSECURE_REGISTRIES, "registry.lan:5000, 10.0.0.5:5000"));
        assertEquals(List.of("registry.lan:5000", "10.0.0.5:5000"), s.settings().insecureRegistries());

        assertTrue(s.set(Setting.HTTP_PROXY, "proxy.lan:3128").orElseThrow().startsWith("HTTP proxy: 'proxy.lan:3128' is not a proxy"
                + " address: write it as http://HOST:PORT"));
        assertTrue(s.set(Setting.HTTPS_PROXY, "http://me:secret@proxy.lan:3128").orElseThrow().contains("in clear"));
        assertEquals(Optional.empty(), s.set(Setting.HTTP_PROXY, "http://proxy.lan:3128"));
        assertEquals(Optional.empty(), s.set(Setting.NO_PROXY, "localhost, .lan, 10.0.0.0/24"));
        assertEquals("localhost,.lan,10.0.0.0/24", s.settings().proxy().noProxy());
        assertEquals(Optional.empty(), s.set(Setting.HTTP_PROXY, "none"));
        assertEquals("", s.settings().proxy().http());
    }

    @Test
    void everyChangeIsSavedAndAResumedStepShowsIt() {
        SettingsStep s = step();
        assertEquals(Optional.empty(), s.set(Setting.VERSION, "1.33"));
        assertEquals(Optional.empty(), s.set(Setting.RUNTIME, "cri-o"));
        assertEquals(Optional.empty(), s.set(Setting.CGROUP_DRIVER, "cgroupfs"));
        assertEquals(Optional.empty(), s.set(Setting.ALLOW_CGROUP_V1, "on"));
        assertEquals(Optional.empty(), s.endpoint("dns-name", "api.home.lan"));
        assertEquals(Optional.empty(), s.set(Setting.POD_CIDR, "10.200.0.0/16"));

        SettingsStep resumed = step();
        assertEquals(s.settings(), resumed.settings());
        for (Setting setting : Setting.values()) {
            assertEquals(s.value(setting), resumed.value(setting), setting.label());
        }
        assertTrue(resumed.summary().contains(String.format("%-20s %s", "API endpoint", "DNS name (api.home.lan)")), resumed.summary().toString());
        assertTrue(resumed.summary().contains(String.format("%-20s %s", "Container runtime", "cri-o (blocks on pi-22)")), resumed.summary().toString());
    }

    @Test
    void savedSettingsThatNoLongerFitTheHostsStopTheStepNamingTheField() throws Exception {
        List<DiscoveredHost> hosts = new ArrayList<>(session.spec().hosts());
        hosts.add(DiscoveredHost.probing("10.244.3.7", 22, false).fingerprinted(FactsBuilder.pi().build()));
        session.save(session.spec().withHosts(hosts));
        SettingsStep s = step();
        assertEquals(Optional.empty(), s.set(Setting.RUNTIME, "docker"));
        List<String> problems = s.problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("Pod CIDR: 10.244.0.0/16 overlaps the hosts' network: it holds pi-7 (10.244.3.7)."), problems.get(0));
        assertEquals(Optional.of(problems.get(0)), s.blocked());
    }
}
