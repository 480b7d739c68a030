package dev.rpik8s.wizard.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The cluster's admin.conf merged into the operator's kubeconfig. */
class KubeconfigTest {

    /** As kubeadm writes admin.conf: everything named "kubernetes". */
    private static String admin(String server, String key) {
        return "apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    certificate-authority-data: Q0E=\n    server: " + server
                + "\n  name: kubernetes\ncontexts:\n- context:\n    cluster: kubernetes\n    user: kubernetes-admin\n"
                + "  name: kubernetes-admin@kubernetes\ncurrent-context: kubernetes-admin@kubernetes\nusers:\n- name: kubernetes-admin\n"
                + "  user:\n    client-certificate-data: Q0VSVA==\n    client-key-data: " + key + "\n";
    }

    @Test
    void aNewFileGetsTheClusterNamedAfterItAsItsCurrentContext() {
        Kubeconfig k = Kubeconfig.merge(Optional.empty(), admin("https://10.0.0.5:6443", "S0VZ"), "homelab");
        assertEquals(List.of("cluster homelab", "user homelab-admin", "context homelab"), k.added());
        assertTrue(k.text().contains("current-context: homelab"), k.text());
        assertTrue(k.text().contains("- name: homelab\n  cluster:\n    certificate-authority-data: Q0E=\n    server: https://10.0.0.5:6443"), k.text());
        assertTrue(k.text().contains("- name: homelab\n  context:\n    cluster: homelab\n    user: homelab-admin"), k.text());
    }

    @Test
    void theSameClusterAgainChangesNothingAndAnotherKeyIsAChangeToAsk() {
        String once = Kubeconfig.merge(Optional.empty(), admin("https://10.0.0.5:6443", "S0VZ"), "homelab").text();
        assertTrue(Kubeconfig.merge(Optional.of(once), admin("https://10.0.0.5:6443", "S0VZ"), "homelab").unchanged());
        Kubeconfig rebuilt = Kubeconfig.merge(Optional.of(once), admin("https://10.0.0.5:6443", "TkVX"), "homelab");
        assertEquals(List.of("user homelab-admin"), rebuilt.changed());
        assertEquals(List.of(), rebuilt.added());
        assertTrue(rebuilt.text().contains("client-key-data: TkVX") && !rebuilt.text().contains("S0VZ"), rebuilt.text());
    }

    @Test
    void theOperatorsOtherEntriesAndCurrentContextAreKept() {
        String mine = "apiVersion: v1\nkind: Config\nclusters:\n- name: work\n  cluster: {server: 'https://work:6443'}\n"
                + "contexts:\n- name: work\n  context: {cluster: work, user: me}\ncurrent-context: work\nusers:\n- name: me\n  user: {token: x}\n";
        Kubeconfig k = Kubeconfig.merge(Optional.of(mine), admin("https://10.0.0.5:6443", "S0VZ"), "homelab");
        assertTrue(k.text().contains("current-context: work"), k.text());
        assertTrue(k.text().contains("server: https://work:6443") && k.text().contains("token: x"), k.text());
        assertEquals(3, k.added().size());
    }

    @Test
    void aFileThatIsNotAKubeconfigIsNamedAndLeftAlone() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Kubeconfig.merge(Optional.of("just: text\n"), admin("https://10.0.0.5:6443", "S0VZ"), "homelab"));
        assertEquals("your kubeconfig is not a kubeconfig (no 'kind: Config').", e.getMessage());
    }

    @Test
    void theFileIsKubeconfigsFirstEntryElseTheHomeOne() {
        assertEquals(Path.of("/a/b"), FetchKubeconfig.operatorFile(Map.of("KUBECONFIG", ":/a/b:/c"), Path.of("/home/op")));
        assertEquals(Path.of("/home/op/.kube/config"), FetchKubeconfig.operatorFile(Map.of(), Path.of("/home/op")));
    }
}
