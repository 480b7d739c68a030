package dev.rpik8s.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KubernetesVersionsTest {

    private static final KubernetesVersions TABLE = KubernetesVersions.bundled();

    @Test
    void everyMinorFromTheSeedsToCurrentInOrder() {
        assertEquals("1.17", TABLE.all().get(0).minor());
        assertEquals("1.35", TABLE.newest().minor());
        assertEquals(19, TABLE.all().size());
        assertEquals("1.17 to 1.35", TABLE.range());
    }

    @ParameterizedTest(name = "{0}: kubeadm {1}, dockershim {2}, weave {3}, armhf {4}, cgroup v1 refused {5}, repository {6}")
    @CsvSource({
            "1.17, v1beta2, true,  true,  true,  false, ",
            "1.21, v1beta2, true,  true,  true,  false, ",
            "1.22, v1beta3, true,  true,  true,  false, ",
            "1.23, v1beta3, true,  false, true,  false, ",
            "1.24, v1beta3, false, false, true,  false, https://pkgs.k8s.io/core:/stable:/v1.24/deb/",
            "1.26, v1beta3, false, false, true,  false, https://pkgs.k8s.io/core:/stable:/v1.26/deb/",
            "1.27, v1beta3, false, false, false, false, https://pkgs.k8s.io/core:/stable:/v1.27/deb/",
            "1.30, v1beta3, false, false, false, false, https://pkgs.k8s.io/core:/stable:/v1.30/deb/",
            "1.31, v1beta4, false, false, false, false, https://pkgs.k8s.io/core:/stable:/v1.31/deb/",
            "1.34, v1beta4, false, false, false, false, https://pkgs.k8s.io/core:/stable:/v1.34/deb/",
            "1.35, v1beta4, false, false, false, true,  https://pkgs.k8s.io/core:/stable:/v1.35/deb/",
    })
    void answersPerMinor(String minor, String api, boolean dockershim, boolean weave, boolean armhf, boolean v1Refused, String repo) {
        KubernetesVersion v = TABLE.find(minor).orElseThrow();
        assertEquals(minor, v.minor());
        assertEquals(api, v.kubeadmApi());
        assertEquals(dockershim, v.dockershim());
        assertEquals(weave, v.cnis().contains(Cni.WEAVE));
        assertTrue(v.cnis().contains(Cni.FLANNEL));
        // the one Calico the wizard pins (3.31) is for 1.32 and later
        assertEquals(v.minorNumber() >= 32, v.cnis().contains(Cni.CALICO));
        assertEquals(Set.of(ContainerRuntime.values()), v.runtimes());
        assertEquals(armhf, v.armhfPackages());
        assertEquals(v1Refused, v.cgroupV1Refused());
        assertEquals(Optional.ofNullable(repo), v.packageRepository());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.35", "1.35.2", "v1.35.0", " 1.35 "})
    void findsTheMinorOfARelease(String version) {
        assertEquals("1.35", TABLE.find(version).orElseThrow().minor());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.16", "1.36", "2.0", "latest", "", "1.3"})
    void doesNotGuessVersionsItDoesNotKnow(String version) {
        assertTrue(TABLE.find(version).isEmpty(), version);
    }

    @Test
    void answersTheBoundariesTheRulesQuote() {
        assertEquals("1.26", TABLE.newest(KubernetesVersion::armhfPackages).orElseThrow().minor());
        assertEquals("1.34", TABLE.newest(v -> !v.cgroupV1Refused()).orElseThrow().minor());
        assertEquals("1.24", TABLE.oldest(v -> v.packageRepository().isPresent()).orElseThrow().minor());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{minor: 1.20, kubeadmApi: v1beta2, runtimes: [docker], docker: dockershim, cnis: [flannel], armhf: true, cgroupV1: allowed, packages: none}|minor must be a text (quote it), got 1.2",
            "{minor: '1.20', kubeadmApi: v1beta2, runtimes: [podman], docker: dockershim, cnis: [flannel], armhf: true, cgroupV1: allowed, packages: none}|runtimes: unknown 'podman'",
            "{minor: '1.20', kubeadmApi: v1beta2, runtimes: [docker], docker: shim, cnis: [flannel], armhf: true, cgroupV1: allowed, packages: none}|docker must be dockershim or cri-dockerd",
            "{minor: '1.20', kubeadmApi: v1beta2, runtimes: [docker], docker: dockershim, cnis: [flannel], armhf: true, cgroupV1: allowed, packages: apt}|packages 'apt' is not in repositories",
            "{minor: '1.20', kubeadmApi: v1beta2, runtimes: [docker], docker: dockershim, cnis: [flannel], armhf: yes, cgroupV1: allowed, packages: none, extra: 1}|unknown column 'extra'",
    })
    void refusesATableThatIsNotAsDocumented(String row, String expected) {
        String yaml = "repositories: {pkgs.k8s.io: 'https://pkgs.k8s.io/core:/stable:/v{minor}/deb/'}\nversions:\n  - " + row + "\n";
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> KubernetesVersions.parse(yaml, "test.yaml"));
        assertTrue(e.getMessage().startsWith("test.yaml: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void refusesAGapBetweenMinors() {
        String row = "{kubeadmApi: v1beta3, runtimes: [docker], docker: cri-dockerd, cnis: [flannel], armhf: false, cgroupV1: allowed, packages: none, minor: ";
        String yaml = "repositories: {}\nversions:\n  - " + row + "'1.27'}\n  - " + row + "'1.29'}\n";
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> KubernetesVersions.parse(yaml, "test.yaml"));
        assertEquals("test.yaml: 1.29 follows 1.27; minors must be listed in order, none missing", e.getMessage());
    }
}
