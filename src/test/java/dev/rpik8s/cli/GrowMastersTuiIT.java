package dev.rpik8s.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.testsupport.GrowthOnScreen;
import dev.rpik8s.testsupport.LabUp;
import dev.rpik8s.testsupport.Tmux;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Growing the control plane as an operator does it, in a real terminal: the real launcher in tmux on a 6-Pi lab in
 * three racks whose one-master cluster an answers file deployed (and whose plan it grew to a master per rack). The
 * board, the settings and the review are passed, the API server's restart and each join are confirmed by typing the
 * cluster's name; while the last join is asked, the second master's etcd is stopped and started again, and the quorum
 * panel under the dialog says so.
 */
class GrowMastersTuiIT {

    private static String plan(boolean grown) {
        StringBuilder racks = new StringBuilder();
        for (int r = 1; r <= 3; r++) {
            int a = 2 * r - 1;
            racks.append("  - name: rack-").append(r).append("\n    hosts:\n");
            if (r == 1 || grown) {
                racks.append("    - {address: 127.0.2.").append(a).append(", port: 22, name: pi-").append(a).append(", roles: [MASTER], labels: {}}\n");
            }
            racks.append("    - {address: 127.0.2.").append(a + 1).append(", port: 22, name: pi-").append(a + 1).append(", roles: [WORKER], labels: {}}\n");
        }
        return "plan:\n  cluster: lab\n  racks:\n" + racks + "  settings:\n    kubernetesVersion: \"1.30\"\n    podCidr: 10.244.0.0/16\n"
                + "    serviceCidr: 10.96.0.0/12\n    cni: FLANNEL\n    runtime: CONTAINERD\n    cgroupDriver: SYSTEMD\n"
                + "    endpoint: " + (grown ? "{mode: RACK_LOCAL}" : "{mode: FIRST_MASTER}") + "\n"
                + "    proxy: {http: \"\", https: \"\", noProxy: \"\"}\n    insecureRegistries: []\n    cpuCfsQuota: true\n    allowCgroupV1: false\n";
    }

    @Test
    void theQuorumPanelFollowsAMemberStoppedAndStartedWhileAJoinIsAsked() throws Exception {
        try (LabUp lab = LabUp.sixPis("grow-tui-it")) {
            String head = "session: grow\ntarget: lab\ndiscovery:\n  scan: {ranges: 127.0.2.1-6, port: 22, user: root, keyFile: "
                    + lab.pis.clientKey() + "}\n  trustNewHostKeys: true\n";
            Path deploy = Files.writeString(lab.state.resolve("deploy.yaml"), head + plan(false) + "confirmed: [host-prep, kubeconfig]\n");
            Path grown = Files.writeString(lab.state.resolve("grown.yaml"), head + plan(true) + "confirmed: [kubeconfig]\n");
            LabCommandIT.Run deployed = LabCommandIT.run(lab.env, "--answers", deploy.toString());
            assertTrue(deployed.out().contains("Deploy a cluster: finished on every host."), deployed.out());
            // the plan grown and saved; the answers file does not say yes to the run itself, so it stops there
            LabCommandIT.Run planned = LabCommandIT.run(lab.env, "--answers", grown.toString(), "--flow", "expand-masters");
            assertTrue(planned.out().contains("Stopped before expand-masters: the answers file does not confirm it."), planned.out());

            try (Tmux t = Tmux.start(lab.state, Paths.get("").toAbsolutePath(), lab.env, "./rpik8s-tui --session grow --flow expand-masters")) {
                t.await(s -> s.contains("6 hosts kept in this session"), Duration.ofSeconds(120), "discovery");
                t.type("n");
                t.await(s -> s.contains("rack-3 (2)") && s.contains("<c> next"), Duration.ofSeconds(20), "the board");
                t.type("c");
                t.awaitText("runtime and cluster settings", Duration.ofSeconds(20));
                t.type("c");
                t.await(s -> s.contains("on to the confirmation"), Duration.ofSeconds(60), "the review");
                t.type("c");
                String question = t.awaitText("Go on?", Duration.ofSeconds(20));
                assertTrue(question.contains("First, on pi-3, pi-5 only: the deploy flow's first 20 steps"), question);
                t.keys("Enter");
                String api = t.await(s -> s.contains("Type the cluster name (lab) to go on"), Duration.ofSeconds(180), "the API server's confirmation");
                assertTrue(api.contains("Give the first master's API server the new names on pi-1"), api);
                assertTrue(api.contains("QUORUM AT RISK · Quorum: 1 of 1 voter needed, 1 up."), api);
                t.type("lbb");
                t.keys("Enter");
                String wrong = t.awaitText("That is not the cluster name", Duration.ofSeconds(10));
                assertTrue(wrong.contains("type lab exactly, or Esc to stop here"), wrong);
                t.keys("BSpace", "BSpace", "BSpace");
                t.type("lab");
                t.keys("Enter");
                String join3 = t.await(s -> s.contains("Join the new masters to the control plane on pi-3") && s.contains("Type the cluster name"),
                        Duration.ofSeconds(180), "pi-3's join confirmation");
                assertTrue(join3.contains("joins as a learner, without a vote"), join3);
                t.type("lab");
                t.keys("Enter");
                String join5 = t.await(s -> s.contains("Join the new masters to the control plane on pi-5") && s.contains("Type the cluster name")
                        && s.contains("Quorum: 2 of 2 voters needed, 2 up"), Duration.ofSeconds(180), "pi-5's join confirmation, two voters");
                LabWizardIT.keep("grow-join-asked", join5);

                lab.ssh("127.0.2.3", "mv /etc/kubernetes/manifests/etcd.yaml /root/etcd.yaml");
                String lost = t.await(s -> s.contains("QUORUM LOST"), Duration.ofSeconds(30), "the panel without quorum");
                LabWizardIT.keep("grow-quorum-lost", lost);
                assertTrue(lost.contains("Type the cluster name (lab) to go on"), "the dialog stays open and asked: " + lost);
                lab.ssh("127.0.2.3", "mv /root/etcd.yaml /etc/kubernetes/manifests/etcd.yaml");
                String back = t.await(s -> s.contains("QUORUM AT RISK · Quorum: 2 of 2 voters needed, 2 up."), Duration.ofSeconds(60),
                        "the panel with quorum again");
                LabWizardIT.keep("grow-quorum-back", back);

                t.type("lab");
                t.keys("Enter");
                LabWizardIT.keep("grow-done", GrowthOnScreen.grownToThree(t, Duration.ofSeconds(240)));
                GrowthOnScreen.quit(t, "lab");
            }
        }
    }
}
