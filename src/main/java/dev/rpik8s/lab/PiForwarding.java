package dev.rpik8s.lab;

import java.io.IOException;
import org.apache.sshd.client.future.OpenFuture;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.server.forward.DirectTcpipFactory;
import org.apache.sshd.server.forward.TcpForwardingFilter;
import org.apache.sshd.server.forward.TcpipServerChannel;

/**
 * Local forwards ({@code ssh -L}, {@code -W}, SSHJ's forwarder) as a Pi would see them: "localhost" and
 * 127.0.0.1 are the Pi itself. All Pis share this machine's 127.0.0.1, so the lab's one deviation (etcd
 * listens on the Pi's own address, see lab/STANDINS.md) is undone here: a tunnel to 127.0.0.1:2379 reaches
 * this Pi's etcd, as it would on a Pi.
 */
final class PiForwarding extends DirectTcpipFactory {

    private final String piAddress;

    PiForwarding(String piAddress) {
        this.piAddress = piAddress;
    }

    @Override
    public Channel createChannel(Session session) throws IOException {
        return new TcpipServerChannel(TcpForwardingFilter.Type.Direct, getExecutorService()) {
            @Override
            protected OpenFuture doInit(Buffer request) {
                int start = request.rpos();
                String host = request.getString();
                if (!"localhost".equals(host) && !"127.0.0.1".equals(host)) {
                    request.rpos(start);
                    return super.doInit(request);
                }
                Buffer rewritten = new ByteArrayBuffer();
                rewritten.putString(piAddress);
                rewritten.putRawBytes(request.array(), request.rpos(), request.available());
                return super.doInit(rewritten);
            }
        };
    }
}
