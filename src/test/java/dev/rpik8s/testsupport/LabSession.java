package dev.rpik8s.testsupport;

import dev.rpik8s.cluster.DiscoveredHost;
import dev.rpik8s.cluster.ScanInputs;
import dev.rpik8s.discovery.Discovery;
import dev.rpik8s.discovery.DiscoveryListener;
import dev.rpik8s.discovery.DiscoveryRequest;
import dev.rpik8s.discovery.ScanTarget;
import dev.rpik8s.remote.Endpoint;
import dev.rpik8s.remote.HostLog;
import dev.rpik8s.remote.Prompter;
import dev.rpik8s.remote.SshContext;
import dev.rpik8s.remote.SshRemote;
import dev.rpik8s.session.Session;
import dev.rpik8s.session.Target;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * A session on a lab's Pis, in a test's home, and SSH as the wizard's runs use it there: the session's known_hosts,
 * then the lab's; no question asked; a log per host under the home's logs/. The Pis are discovered into it as the
 * wizard discovers them.
 */
public final class LabSession {

    public final OneMasterLab.Pis lab;
    public final Session session;
    public final SshContext ssh;

    private LabSession(OneMasterLab.Pis lab, Session session, SshContext ssh) {
        this.lab = lab;
        this.session = session;
        this.ssh = ssh;
    }

    /** The session {@code name} on the lab, kept in {@code home}'s sessions/. */
    public static LabSession open(OneMasterLab.Pis lab, Path home, String name) throws Exception {
        Session session = Session.open(home.resolve("sessions"), name, Target.LAB, Clock.systemUTC());
        SshContext ssh = new SshContext(home, session.knownHosts(), List.of(lab.knownHosts()), Map.of(), Prompter.NO_QUESTIONS,
                e -> HostLog.inDirectory(home.resolve("logs"), e.name()));
        return new LabSession(lab, session, ssh);
    }

    /** The lab's address range scanned as root with its key, every new host key trusted; what was found is saved in the session. */
    public List<DiscoveredHost> discover() throws Exception {
        int port = lab.pis().get(0).port();
        String range = lab.pis().get(0).address() + "-" + lab.pis().size();
        List<DiscoveredHost> found = new Discovery(ssh).run(DiscoveryRequest.of(List.of(ScanTarget.parse(range)), port, "root",
                List.of(lab.clientKey())), List.of(), unknown -> new HashSet<>(unknown), DiscoveryListener.NONE);
        session.save(session.spec().withDiscovery(new ScanInputs(range, port, "root", lab.clientKey().toString()), found));
        return found;
    }

    /** A root login to the Pi at {@code address}, with the lab's key. */
    public SshRemote login(String address) {
        return new SshRemote(new Endpoint(address, address, lab.pis().get(0).port(), "root", List.of(lab.clientKey())), ssh);
    }
}
