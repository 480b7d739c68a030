package dev.rpik8s.testsupport;

import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.cluster.ShellWord;
import dev.rpik8s.remote.CommandSpec;
import dev.rpik8s.remote.Endpoint;
import dev.rpik8s.remote.ExecResult;
import dev.rpik8s.remote.Remote;
import dev.rpik8s.remote.RemoteException;
import dev.rpik8s.wizard.run.Connections;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hosts in memory for the plan's tests: each has the files given to it, and answers only a command that names one
 * of them (a dry run's read); any other command fails the test, since a plan must change nothing. A host made
 * unreachable refuses every connection, counted.
 */
public final class FilesOnHosts implements Connections {

    private final Map<String, Map<String, String>> files = new HashMap<>();
    private final Map<String, String> unreachable = new HashMap<>();
    private final List<String> opened = new ArrayList<>();
    private final List<String> commands = new ArrayList<>();

    public FilesOnHosts file(String address, String path, String content) {
        files.computeIfAbsent(address, a -> new HashMap<>()).put(path, content);
        return this;
    }

    public FilesOnHosts unreachable(String address, String why) {
        unreachable.put(address, why);
        return this;
    }

    /** The addresses connections were opened to, once per try. */
    public synchronized List<String> opened() {
        return List.copyOf(opened);
    }

    /** Every command run, as the host got it. */
    public synchronized List<String> commands() {
        return List.copyOf(commands);
    }

    @Override
    public synchronized Remote open(PlannedHost host) throws RemoteException {
        opened.add(host.address());
        if (unreachable.containsKey(host.address())) {
            throw new RemoteException(unreachable.get(host.address()));
        }
        return new OneHost(host);
    }

    private synchronized ExecResult exec(String address, CommandSpec spec) {
        commands.add(spec.script());
        Map<String, String> has = files.getOrDefault(address, Map.of());
        String path = spec.script().replaceFirst("^if \\[ -e (.*) \\]; then cat -- .*$", "$1");
        if (path.equals(spec.script())) {
            throw new AssertionError("a plan ran more than a read: " + spec.script());
        }
        return has.entrySet().stream().filter(e -> ShellWord.quote(e.getKey()).equals(path)).findFirst()
                .map(e -> new ExecResult(0, e.getValue(), "", Duration.ZERO))
                .orElse(new ExecResult(3, "", "", Duration.ZERO));
    }

    private final class OneHost implements Remote {

        private final PlannedHost host;

        OneHost(PlannedHost host) {
            this.host = host;
        }

        @Override
        public Endpoint endpoint() {
            return new Endpoint(host.address(), host.address(), host.port(), "root", List.of());
        }

        @Override
        public ExecResult exec(CommandSpec spec) {
            return FilesOnHosts.this.exec(host.address(), spec);
        }

        @Override
        public void upload(byte[] content, String path, int mode) {
            throw new AssertionError("a plan uploaded " + path);
        }

        @Override
        public byte[] download(String path) {
            throw new AssertionError("not used by a plan");
        }

        @Override
        public Forward forward(int remotePort, String remoteHost) {
            throw new AssertionError("not used by a plan");
        }

        @Override
        public void close() {
            // nothing held
        }
    }
}
