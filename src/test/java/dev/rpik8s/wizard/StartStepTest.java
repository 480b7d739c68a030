package dev.rpik8s.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.cluster.DiscoveredHost;
import dev.rpik8s.session.Session;
import dev.rpik8s.session.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartStepTest {

    @TempDir
    Path sessions;

    private static List<String> labels(StartStep step) {
        return step.options().stream().map(StartStep.Option::label).toList();
    }

    private void session(String name, Target target, boolean withHosts) throws Exception {
        Session s = Session.open(sessions, name, target, Clock.systemUTC());
        if (withHosts) {
            s.save(s.spec().withHosts(List.of(DiscoveredHost.probing("10.0.0.21", 22, false).at(DiscoveredHost.Stage.AUTH_FAILED, "no"))));
        }
    }

    @Test
    void withNoPiOfYoursKnownTheLabComesFirst() throws Exception {
        StartStep step = new StartStep(sessions, false, Optional.empty());
        assertEquals(List.of("New session on the lab", "New session on your network"), labels(step));
        assertTrue(step.greeting().startsWith("No Pi of yours is known yet."), step.greeting());

        session("lab", Target.LAB, true);
        step = new StartStep(sessions, false, Optional.empty());
        assertEquals(List.of("New session on the lab", "New session on your network", "Resume lab"), labels(step),
                "hosts on the lab are not Pis of yours");
    }

    @Test
    void onceAPiOfYoursIsKnownTheSessionsComeFirstThenYourNetwork() throws Exception {
        session("lab", Target.LAB, true);
        session("home", Target.NETWORK, true);
        StartStep step = new StartStep(sessions, false, Optional.empty());
        List<String> labels = labels(step);
        assertEquals(List.of("New session on your network", "New session on the lab"), labels.subList(2, 4));
        assertTrue(labels.subList(0, 2).containsAll(List.of("Resume lab", "Resume home")), labels.toString());
        StartStep.Option home = step.options().stream().filter(o -> o.label().equals("Resume home")).findFirst().orElseThrow();
        assertTrue(home.detail().startsWith("on your network · discovery: 1 host found, 0 ready · "), home.detail());
        assertEquals(new StartChoice("home", Target.NETWORK, true), step.choose(home, "ignored").choice().orElseThrow());
    }

    @Test
    void withLabOnlyTheLabsSessionsAreListed() throws Exception {
        session("lab", Target.LAB, false);
        session("home", Target.NETWORK, true);
        assertEquals(List.of("Resume lab", "New session on the lab"), labels(new StartStep(sessions, true, Optional.empty())));
    }

    @Test
    void aNewSessionGetsAFreeNameAndABadOneIsSaidWhy() throws Exception {
        session("lab", Target.LAB, false);
        StartStep step = new StartStep(sessions, false, Optional.empty());
        StartStep.Option newLab = step.options().stream().filter(StartStep.Option::newSession)
                .filter(o -> o.target() == Target.LAB).findFirst().orElseThrow();
        assertEquals("lab-2", newLab.session());
        assertEquals("A session 'lab' exists already: resume it from the list, or choose another name.", step.choose(newLab, "lab").problem());
        assertTrue(step.choose(newLab, "My Lab").problem().contains("cannot name a session"));
        assertEquals(new StartChoice("rehearsal", Target.LAB, false), step.choose(newLab, " rehearsal ").choice().orElseThrow());
    }

    @Test
    void theLabCannotBeChosenWhereItCannotStartAndAnUnreadableSessionIsListedApart() throws Exception {
        Files.createDirectories(sessions.resolve("broken"));
        Files.writeString(sessions.resolve("broken/session.yaml"), "target: [\n");
        StartStep step = new StartStep(sessions, false, Optional.of("The lab needs [etcd]: quit and run  rpik8s-tui --lab  to be offered the install."));
        StartStep.Option lab = step.options().get(0);
        assertEquals(Optional.empty(), step.choose(lab, "lab").choice());
        assertTrue(step.choose(lab, "lab").problem().startsWith("The lab needs [etcd]"));
        assertTrue(step.choose(step.options().get(1), "home").choice().isPresent(), "the network still can");
        assertEquals(1, step.unreadable().size());
        assertTrue(step.unreadable().get(0).startsWith("broken: cannot be read: "), step.unreadable().toString());
    }
}
