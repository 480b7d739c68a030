package dev.rpik8s.etcd;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * One entry of etcd's member list. A member that was added but has not started yet has no name and no client URLs
 * (etcdctl prints it as "unstarted").
 */
public record Member(MemberId id, Optional<String> name, List<String> peerUrls, List<String> clientUrls, boolean learner) {

    public Member {
        peerUrls = List.copyOf(peerUrls);
        clientUrls = List.copyOf(clientUrls);
    }

    public boolean started() {
        return name.isPresent();
    }

    /** The host of its first peer URL: the machine it runs on, started or not. */
    public String address() {
        if (peerUrls.isEmpty()) {
            return "";
        }
        String host = URI.create(peerUrls.get(0)).getHost();
        return host == null ? "" : host.replace("[", "").replace("]", "");
    }

    /** Its name, or where it will run while it has none. */
    public String label() {
        return name.orElse("(unstarted) " + address());
    }
}
