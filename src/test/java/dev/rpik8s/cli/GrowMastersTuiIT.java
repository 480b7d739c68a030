package dev.rpik8s.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.testsupport.Tmux;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /** A command on a lab Pi as root, with plain ssh and the lab's key, as `lab up` prints it. */
    private static void ssh(String login, String address, String command) throws Exception {
        List<String> argv = new ArrayList<>(List.of(login.replaceAll(" -p \\d+$", "").split(" ")));
        argv.addAll(List.of("-o", "BatchMode=yes", "-p", "22", "root@" + address, command));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), command + "\n" + out);
    }

    @Test
    void theQuorumPanelFollowsAMemberStoppedAndStartedWhileAJoinIsAsked() throws Exception {
        Path state = Files.createDirectories(Paths.get("target", "grow-tui-it-" + System.nanoTime()).toAbsolutePath());
        Map<String, String> env = Map.of("XDG_STATE_HOME", state.toString(), "TERM", "xterm-256color",
                "KUBECONFIG", state.resolve("kube/config").toString());
        try {
            LabCommandIT.Run up = LabCommandIT.run(env, "lab", "up", "--racks", "3", "--per-rack", "2", "--profile", "modern");
            assertEquals(0, up.exit(), up.out());
            Matcher key = Pattern.compile("Client key: +(\\S+)").matcher(up.out());
            Matcher login = Pattern.compile("Log in: +(ssh -i \\S+ -o \\S+ -p \\d+) root@").matcher(up.out());
            assertTrue(key.find() && login.find(), up.out());
            String head = "session: grow\ntarget: lab\ndiscovery:\n  scan: {ranges: 127.0.2.1-6, port: 22, user: root, keyFile: " + key.group(1)
                    + "}\n  trustNewHostKeys: true\n";
            Path deploy = Files.writeString(state.resolve("deploy.yaml"), head + plan(false) + "confirmed: [host-prep, kubeconfig]\n");
            Path grown = Files.writeString(state.resolve("grown.yaml"), head + plan(true) + "confirmed: [kubeconfig]\n");
            LabCommandIT.Run deployed = LabCommandIT.run(env, "--answers", deploy.toString());
            assertTrue(deployed.out().contains("Deploy a cluster: finished on every host."), deployed.out());
            // the plan grown and saved; the answers file does not say yes to the run itself, so it stops there
            LabCommandIT.Run planned = LabCommandIT.run(env, "--answers", grown.toString(), "--flow", "expand-masters");
            assertTrue(planned.out().contains("Stopped before expand-masters: the answers file does not confirm it."), planned.out());

            try (Tmux t = Tmux.start(state, Paths.get("").toAbsolutePath(), env, "./rpik8s-tui --session grow --flow expand-masters")) {
                t.await(s -> s.contains("6 hosts kept in this session"), Duration.ofSeconds(120), "discovery");
                t.type("n");
                t.await(s -> s.contains("rack-3 (2)") && s.contains("<c> next"), Duration.ofSeconds(20), "the board");
                t.type("c");
                t.awaitText("runtime and cluster settings", Duration.ofSeconds(20));
                t.type("c");
                t.await(s -> s.contains("on to the confirmation"), Duration.ofSeconds(60), "the review");
                t.type("c");
                String question = t.awaitText("Go on?", Duration.ofSeconds(20));
                assertTrue(question.contains("First, on pi-3, pi-5 only: the deploy flow's first 19 steps"), question);
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

                ssh(login.group(1), "127.0.2.3", "mv /etc/kubernetes/manifests/etcd.yaml /root/etcd.yaml");
                String lost = t.await(s -> s.contains("QUORUM LOST"), Duration.ofSeconds(30), "the panel without quorum");
                LabWizardIT.keep("grow-quorum-lost", lost);
                assertTrue(lost.contains("Type the cluster name (lab) to go on"), "the dialog stays open and asked: " + lost);
                ssh(login.group(1), "127.0.2.3", "mv /root/etcd.yaml /etc/kubernetes/manifests/etcd.yaml");
                String back = t.await(s -> s.contains("QUORUM AT RISK · Quorum: 2 of 2 voters needed, 2 up."), Duration.ofSeconds(60),
                        "the panel with quorum again");
                LabWizardIT.keep("grow-quorum-back", back);

                t.type("lab");
                t.keys("Enter");
                String done = t.await(s -> s.contains("Grow the control plane: finished on every host.") && s.contains("QUORUM OK"),
                        Duration.ofSeconds(240), "the end, three voters");
                LabWizardIT.keep("grow-done", done);
                assertTrue(done.contains("Quorum: 2 of 3 voters needed, 3 up. One voter may fail."), done);
                t.keys("q");
                t.awaitText("The expand-masters flow on cluster lab ran to its end.", Duration.ofSeconds(10));
                t.keys("Enter");
                t.awaitText("[exit 0]", Duration.ofSeconds(60));
            }
        } finally {
            LabCommandIT.run(env, "lab", "down");
        }
    }
}
