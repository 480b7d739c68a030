package dev.rpik8s.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "etcd", mixinStandardHelpOptions = true,
        description = "The cluster's etcd, seen from your machine through SSH tunnels.")
final class EtcdCommand {

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Print the quorum table once: members, leader, raft index, health, fault tolerance.")
    int status(@Option(names = "--watch", description = "Print it again whenever it changes.") boolean watch,
               @Option(names = "--session", paramLabel = "NAME", description = "Session naming the control-plane hosts.") String session) {
        throw OperatorError.notYet("The etcd status table", "Meanwhile: etcdctl endpoint status on a control-plane node.");
    }
}
