package dev.rpik8s.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.session.Answers;
import dev.rpik8s.session.Target;
import dev.rpik8s.wizard.flow.FlowLoader;
import dev.rpik8s.wizard.flow.StepKinds;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The two ways to grow, as wizards/ways-to-grow.yaml and the flows' own not-done steps tell them. */
class WaysToGrowTest {

    static WaysToGrow bundled() {
        FlowLoader flows = new FlowLoader(StepKinds.standard(), FlowLoader.bundledTemplates(), Optional.empty());
        return WaysToGrow.bundled(id -> {
            try {
                return flows.load(id);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void kubeadmsWayFirstThenTheSeedsStepsWithWhatTheyDoNotDoAndWhy() {
        WaysToGrow ways = bundled();
        assertEquals(List.of("expand-masters", "expand-masters-manual"), ways.ways().stream().map(WaysToGrow.Way::flow).toList());
        assertEquals("expand-masters", ways.chosenUnlessAsked().flow());
        assertEquals("kubeadm's way (recommended)", ways.chosenUnlessAsked().name());
        assertTrue(ways.chosenUnlessAsked().lines().get(0).startsWith("Runbook section 5, path A."), ways.chosenUnlessAsked().lines().toString());
        assertEquals(1, ways.chosenUnlessAsked().lines().size(), "kubeadm's way leaves nothing of the seed's out: it has no such step");
        List<String> seeds = ways.way("expand-masters-manual").orElseThrow().lines();
        assertTrue(seeds.get(0).endsWith("Where the seed's note is wrong, the step is shown and not done:"), seeds.get(0));
        List<String> notDone = List.of(
                "  - copy the first master's certificates, or one API server certificate for all: not done, because each master's",
                "  - point controller-manager.conf and scheduler.conf at the endpoint: not done, because controller-manager.conf",
                "  - edit the first master's --initial-cluster: not done, because etcd reads --initial-cluster only when it starts",
                "  - go from one member to three at once: not done, because etcd changes its members one at a time;");
        assertEquals(notDone.size() + 1, seeds.size(), seeds.toString());
        for (int i = 0; i < notDone.size(); i++) {
            assertTrue(seeds.get(i + 1).startsWith(notDone.get(i)), seeds.get(i + 1));
        }
        assertTrue(seeds.get(3).endsWith("takes quorum away (runbook 0, row 2)."), seeds.get(3));
    }

    @Test
    void anAnswersFilesRunTakesKubeadmsWayAndSaysSo() {
        StringWriter text = new StringWriter();
        Headless headless = new Headless(new Answers("s", Target.LAB, Optional.empty(), Optional.empty(), List.of()), false,
                new PrintWriter(text, true));
        assertEquals(Optional.of("expand-masters"), headless.way("lab", bundled()));
        assertEquals("The way to grow: kubeadm's way (recommended) (expand-masters); --flow names the other.\n", text.toString());
    }
}
