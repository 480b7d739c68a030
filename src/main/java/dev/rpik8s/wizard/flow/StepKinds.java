package dev.rpik8s.wizard.flow;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The kinds a flow may name; a flow that names another, or a parameter its kind does not take, does not load. */
public final class StepKinds {

    private final Map<String, StepKind> byName;

    private StepKinds(Collection<StepKind> kinds) {
        this.byName = kinds.stream().collect(Collectors.toMap(StepKind::name, Function.identity(), (a, b) -> {
            throw new IllegalArgumentException("Two step kinds are named " + a.name() + ".");
        }, TreeMap::new));
    }

    public static StepKinds of(StepKind... kinds) {
        return new StepKinds(Arrays.asList(kinds));
    }

    /** The kinds the engine implements. */
    public static StepKinds standard() {
        return of(
                StepKind.of("discover"),
                StepKind.of("trust-host-keys"),
                // reboots and waits (up to timeout) for SSH to answer again; its check says whether a host needs it
                StepKind.of("reboot", "timeout"),
                StepKind.of("wait-for-ssh", "timeout"),
                // waits until etcd is settled: quorum, every member started and healthy, no learner waiting
                StepKind.of("wait-for-quorum", "timeout"),
                // a snapshot on etcd's leader, checked and copied into the session
                StepKind.of("etcd-snapshot"),
                // the admin kubeconfig of the first target, merged into the operator's ~/.kube/config
                StepKind.of("kubeconfig"),
                // changes nothing: a note of the procedure a flow follows that it does not do, shown with why
                // (the seed's wrong notes in expand-masters-manual); journalled DONE like any step
                StepKind.of("not-done", "because"),
                // files read on another host (from, a target: its first host) and written here with the same bytes
                // and mode, through SFTP: never a command line or a log (shared CA keys)
                StepKind.of("copy-files", "from", "dir", "files"),
                // a new master's etcd member, by hand: member add --learner on the first master, this host's staged
                // manifest installed, member promote once in sync (up to timeout); each part reads etcd first
                StepKind.of("etcd-learner", "timeout", "start-within"));
    }

    public Optional<StepKind> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The names, sorted, for messages. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
