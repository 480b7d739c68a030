package dev.rpik8s.remote;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import net.schmizz.sshj.connection.channel.direct.DirectConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local tunnel: 127.0.0.1:(free port) to host:port as seen from the remote host. Each accepted
 * connection asks {@link SshRemote} for the live SSH connection, so a tunnel outlives a
 * reconnect. SSHJ's LocalPortForwarder is not used: one refused connection ends its listen loop.
 */
final class PortForward implements Remote.Forward {

    private static final Logger LOG = LoggerFactory.getLogger(PortForward.class);

    private final SshRemote remote;
    private final String host;
    private final int port;
    private final ExecutorService threads;
    private final ServerSocket server;

    PortForward(SshRemote remote, String host, int port, ExecutorService threads) throws IOException {
        this.remote = remote;
        this.host = host;
        this.port = port;
        this.threads = threads;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.submit(this::accept);
    }

    @Override
    public int localPort() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.warn("tunnel 127.0.0.1:{} to {}:{} stopped accepting", localPort(), host, port, e);
                }
                return;
            }
            threads.submit(() -> carry(socket));
        }
    }

    /** Until the far side ends: then both ends close (as ssh -L does), whatever the local client still sends. */
    private void carry(Socket socket) {
        try (Socket s = socket; DirectConnection ch = remote.client().newDirectConnection(host, port)) {
            threads.submit(() -> pipe(s.getInputStream(), ch.getOutputStream()));
            pipe(ch.getInputStream(), s.getOutputStream());
        } catch (IOException | RemoteException e) {
            // One failed connection (port closed on the far side, connection lost) ends only itself.
            LOG.info("tunnel connection to {}:{} via {} failed: {}", host, port, remote.endpoint(), e.toString());
        }
    }

    /**
     * Copies until end of file, then closes the destination so its reader sees the end too.
     * Flushes after every read: SSHJ's channel stream holds bytes until a flush, and a client
     * that sends a request and waits for the answer would wait forever.
     */
    private static Void pipe(InputStream in, OutputStream out) {
        byte[] buf = new byte[32 * 1024];
        try (out) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            LOG.debug("tunnel stream ended: {}", e.toString());
        }
        return null;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("closing tunnel listener: {}", e.toString());
        }
    }
}
