package dev.rpik8s.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.testsupport.ClusterByHand;
import dev.rpik8s.testsupport.GrowthOnScreen;
import dev.rpik8s.testsupport.LabUp;
import dev.rpik8s.testsupport.Tmux;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A cluster the wizard did not make, in a real terminal: `lab up` ({@link LabUp}), a one-master cluster made by hand on
 * it over plain ssh ({@link ClusterByHand}), then the launcher with --flow grow in tmux, in a new session: discovery,
 * the cluster as it is, the choice of the way, and the board with the masters proposed; then kubeadm's way grows it to
 * three masters through the settings, the review and the typed confirmations (Kubernetes 1.28: each new member joins
 * as a voter, and the confirmation's quorum math says so), and the panel ends with three healthy voters.
 */
class GrowAClusterByHandTuiIT {

    @Test
    void theClusterIsReadTheWayChosenTheBoardProposesAMasterPerRackAndItGrowsToThree() throws Exception {
        try (LabUp lab = LabUp.sixPis("grow-by-hand-it")) {
            ClusterByHand.make(lab::ssh, lab.addresses());

            try (Tmux t = Tmux.start(lab.state, Paths.get("").toAbsolutePath(), lab.env, "./rpik8s-tui --lab --session byhand --flow grow")) {
                t.await(s -> s.contains("lab of 6 virtual Pis (from lab up)") && s.contains("<q> quit"), Duration.ofSeconds(120), "discovery");
                t.keys("Enter");                               // scan, from the ranges field
                t.await(s -> s.contains("New host keys: 6") && s.contains("<Trust none>"), Duration.ofSeconds(60), "the trust dialog");
                t.keys("Tab", "Enter");
                t.await(s -> s.contains("done: 6 found: 6 ready (6 Pis)"), Duration.ofSeconds(90), "6 Pis fingerprinted");
                t.type("n");
                String card = t.await(s -> s.contains("The cluster as it is") && s.contains("<enter/c> on to racks and roles"),
                        Duration.ofSeconds(60), "the cluster as it is");
                LabWizardIT.keep("grow-by-hand-cluster", card);
                assertTrue(card.contains("Kubernetes   " + ClusterByHand.VERSION), card);
                assertTrue(card.contains("endpoint     none (controlPlaneEndpoint is empty)"), card);
                assertTrue(card.contains("1 member (pi-a1 healthy)"), card);
                assertTrue(card.contains("pi-b2          127.0.2.4       worker        rack b"), card);
                t.keys("Enter");
                String ways = t.await(s -> s.contains("kubeadm's way (recommended)") && s.contains("<enter> grow this way"),
                        Duration.ofSeconds(20), "the ways");
                LabWizardIT.keep("grow-by-hand-ways", ways);
                t.keys("Down");
                String seeds = t.await(s -> s.contains("Runbook section 6, path B"), Duration.ofSeconds(10), "the seed's steps");
                LabWizardIT.keep("grow-by-hand-ways-seed", seeds);
                assertTrue(seeds.contains("not done, because"), seeds);
                t.keys("Up", "Enter");
                String board = t.await(s -> s.contains("racks and roles") && s.contains("<q> quit") && s.contains("a (2)"),
                        Duration.ofSeconds(20), "the board");
                LabWizardIT.keep("grow-by-hand-board", board);
                assertTrue(board.contains("b (2)") && board.contains("c (2)"), board);
                assertEquals(3, Pattern.compile("\\bM +pi-").matcher(board).results().count(), "three masters on the board:\n" + board);
                assertTrue(board.contains("M    pi-a1") && board.contains("M    pi-r2-1") && board.contains("M    pi-r3-1"), board);
                // on to the run: the API server's restart, then each join, asked with the cluster's name
                t.type("c");
                t.awaitText("runtime and cluster settings", Duration.ofSeconds(20));
                t.type("c");
                t.await(s -> s.contains("on to the confirmation"), Duration.ofSeconds(120), "the review");
                t.type("c");
                t.awaitText("Go on?", Duration.ofSeconds(20));
                t.keys("Enter");
                for (String asked : List.of("Give the first master's API server the new names on pi-a1 (127.0.2.1)",
                        "Join the new masters to the control plane on pi-r2-1 (127.0.2.3)",
                        "Join the new masters to the control plane on pi-r3-1 (127.0.2.5)")) {
                    String question = t.await(s -> s.contains(asked) && s.contains("Type the cluster name (byhand) to go on"),
                            Duration.ofMinutes(6), asked);
                    if (asked.startsWith("Join")) {
                        // before 1.29 kubeadm adds the member as a voter: the quorum math says what that costs
                        String words = question.replaceAll("[│┌┐└┘─▲▼█▒]", " ").replaceAll("\\s+", " ");
                        assertTrue(words.contains("etcd is added as a voter at once, so from then"), question);
                        if (asked.contains("pi-r2-1")) {
                            // from one voter to two: no quorum until the second has started
                            assertTrue(words.contains("2 of 2 voters must be up, and only 1 is until it has started: etcd has no quorum"), question);
                            LabWizardIT.keep("grow-by-hand-join-voter", question);
                        }
                    }
                    t.type("byhand");
                    t.keys("Enter");
                }
                String grown = GrowthOnScreen.grownToThree(t, Duration.ofMinutes(6));
                LabWizardIT.keep("grow-by-hand-grown", grown);
                for (String master : List.of("pi-a1 ", "pi-r2-1", "pi-r3-1")) {
                    assertTrue(Pattern.compile("│" + master + " +[0-9a-f]+ +https://127\\.0\\.2\\.\\d:2380 +started +(leader|voter) ")
                            .matcher(grown).find(), master + " votes:\n" + grown);
                }
                assertTrue(Files.readString(lab.kubeconfig).contains("name: byhand"), "the cluster's context, in the test's kubeconfig");
                GrowthOnScreen.quit(t, "byhand");
            }
        }
    }
}
