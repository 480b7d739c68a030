package dev.rpik8s.discovery;

import java.net.InetAddress;
import java.time.Duration;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceInfo;
import javax.jmdns.impl.ServiceInfoImpl;

/**
 * Run by MdnsBrowserTest inside its own network namespace, where lo is made multicast-capable: two hosts
 * announce a workstation each (a Pi with its MAC in the name, and a laptop), then MdnsBrowser browses lo and
 * prints one line per host ("host ADDRESS NAME MAC pi|not-pi") and one per note ("note ...").
 */
public final class MdnsOnLoopback {

    public static void main(String[] args) throws Exception {
        try (JmDNS pi = JmDNS.create(InetAddress.getByName("127.0.0.1"), "pi-a1");
                JmDNS laptop = JmDNS.create(InetAddress.getByName("127.0.0.2"), "laptop")) {
            announce(pi, "pi-a1 [dc:a6:32:01:02:03]");
            announce(laptop, "laptop");
            long start = System.nanoTime();
            MdnsBrowser.Browsed found = MdnsBrowser.on("lo", Duration.ofSeconds(2)).browse();
            System.out.println("took " + (System.nanoTime() - start) / 1_000_000 + " ms");
            for (MdnsBrowser.Announced a : found.hosts()) {
                System.out.println("host " + a.address() + " " + a.name() + " " + a.mac().orElse("-") + " " + (a.raspberryPi() ? "pi" : "not-pi"));
            }
            found.notes().forEach(n -> System.out.println("note " + n));
            System.out.flush();
        }
    }

    /** Registered and past probing, as a Pi that booted a while ago: JmDNS answers queries only then. */
    private static void announce(JmDNS host, String instance) throws Exception {
        ServiceInfo info = ServiceInfo.create(MdnsBrowser.WORKSTATION, instance, 9, "");
        host.registerService(info);
        if (!((ServiceInfoImpl) info).waitForAnnounced(10_000)) {
            throw new IllegalStateException(instance + " was not announced within 10 s");
        }
    }
}
