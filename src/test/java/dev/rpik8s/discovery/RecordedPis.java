package dev.rpik8s.discovery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * Pis that are other machines, for {@link DiscoveryBenchmark}: each lab Pi's address, port and host key again,
 * answering any command with what that Pi's fingerprint printed in the lab, after the time a Pi takes to run it.
 * On a LAN the Pis' bash runs on the Pis, not on the operator's cores; here only the Pis' SSH servers stay on this
 * machine (their key exchanges cost what a Pi's sshd would, and more, since they run on the cores measured).
 * Runs in its own JVM so that its CPU is counted apart from discovery's; stops when its standard input closes.
 * usage: RecordedPis PIS_FILE CLIENT_PUB PI_TIME_MS   (PIS_FILE: "address port hostKeyFile answerFile" lines)
 */
public final class RecordedPis {

    private RecordedPis() {
    }

    public static void main(String[] args) throws Exception {
        PublicKey client = AuthorizedKeyEntry.parseAuthorizedKeyEntry(Files.readString(Paths.get(args[1])).strip())
                .resolvePublicKey(null, PublicKeyEntryResolver.FAILING);
        long piTimeMs = Long.parseLong(args[2]);
        ScheduledExecutorService pis = Executors.newScheduledThreadPool(2);
        List<SshServer> servers = new ArrayList<>();
        for (String line : Files.readAllLines(Paths.get(args[0]))) {
            String[] f = line.split(" ");
            byte[] answer = Files.readAllBytes(Paths.get(f[3]));
            SshServer server = SshServer.setUpDefaultServer();
            server.setHost(f[0]);
            server.setPort(Integer.parseInt(f[1]));
            SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider(Paths.get(f[2]));
            keys.setAlgorithm(KeyUtils.EC_ALGORITHM);
            server.setKeyPairProvider(keys);
            server.setPublickeyAuthenticator((user, key, session) -> "root".equals(user) && KeyUtils.compareKeys(client, key));
            server.setPasswordAuthenticator(null);
            server.setKeyboardInteractiveAuthenticator(null);
            server.setCommandFactory((channel, command) -> new Answer(answer, pis, piTimeMs));
            server.start();
            servers.add(server);
        }
        System.out.println("ready " + servers.size());
        System.out.flush();
        while (System.in.read() >= 0) {
            // runs until the benchmark closes our standard input
        }
        for (SshServer server : servers) {
            server.stop(true);
        }
        pis.shutdownNow();
    }

    /** One command's run: the recorded output, exit 0, once the Pi's time has passed. */
    private static final class Answer implements Command {
        private final byte[] answer;
        private final ScheduledExecutorService pis;
        private final long piTimeMs;
        private OutputStream out;
        private ExitCallback exit;

        Answer(byte[] answer, ScheduledExecutorService pis, long piTimeMs) {
            this.answer = answer;
            this.pis = pis;
            this.piTimeMs = piTimeMs;
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
            pis.schedule(() -> {
                try {
                    out.write(answer);
                    out.flush();
                    exit.onExit(0);
                } catch (IOException e) {
                    exit.onExit(255, String.valueOf(e.getMessage()));
                }
            }, piTimeMs, TimeUnit.MILLISECONDS);
        }

        @Override
        public void destroy(ChannelSession channel) {
        }

        @Override
        public void setInputStream(InputStream in) {
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
        }

        @Override
        public void setExitCallback(ExitCallback exit) {
            this.exit = exit;
        }
    }
}
