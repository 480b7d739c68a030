package dev.rpik8s.etcd;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * One member's client port, reached through a tunnel on this machine's loopback: etcd's JSON gateway, over TLS with
 * the client certificate. etcd's server certificate names 127.0.0.1, so the tunnel's address is checked as usual.
 */
final class MemberClient {

    /** etcdctl's endpoint health reads this key, linearizably: it answers only with quorum. */
    private static final String HEALTH_KEY = "{\"key\":\"aGVhbHRo\"}";

    static final String NOTHING_LISTENS = "etcd does not answer on its client port (127.0.0.1:2379 there)";

    private final HttpClient http;
    private final URI base;

    MemberClient(HttpClient http, int localPort) {
        this.http = http;
        this.base = URI.create("https://127.0.0.1:" + localPort);
    }

    static HttpClient http(ClientCertificate certificate) {
        // HTTP/1.1: etcd serves gRPC and the gateway on one port and sends HTTP/2 to gRPC
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(certificate.tls())
                .connectTimeout(Duration.ofSeconds(2)).build();
    }

    /** The member's own status; answered without quorum. */
    MemberStatus status(Duration timeout) throws EtcdException, InterruptedException {
        return GatewayJson.status(post("/v3/maintenance/status", "{}", timeout));
    }

    /** The member list as this member knows it (serializable: answered without quorum). */
    List<Member> members(Duration timeout) throws EtcdException, InterruptedException {
        return GatewayJson.members(post("/v3/cluster/member/list", "{}", timeout));
    }

    /** etcdctl member remove: a change of membership, which the cluster agrees with quorum. */
    void remove(MemberId id, Duration timeout) throws EtcdException, InterruptedException {
        GatewayJson.read(post("/v3/cluster/member/remove", "{\"ID\":\"" + Long.toUnsignedString(id.bits()) + "\"}", timeout));
    }

    /** As etcdctl endpoint health: a linearizable read, and no alarm raised. */
    Health health(Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        try {
            GatewayJson.read(post("/v3/kv/range", HEALTH_KEY, timeout));
            List<String> alarms = GatewayJson.alarms(post("/v3/maintenance/alarm", "{\"action\":\"GET\"}", timeout));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            return alarms.isEmpty() ? Health.ok(took) : Health.failed(took, "alarm " + String.join(", ", alarms));
        } catch (EtcdException e) {
            return Health.failed(Duration.ofNanos(System.nanoTime() - start), e.getMessage());
        }
    }

    private String post(String path, String body, Duration timeout) throws EtcdException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        } catch (HttpTimeoutException e) {
            throw new EtcdException("no answer within " + seconds(timeout));
        } catch (SSLException e) {
            // the tunnel's far end could not connect: SSH closes the local socket in the middle of the handshake
            if (String.valueOf(e.getMessage()).contains("Remote host terminated the handshake")) {
                throw new EtcdException(NOTHING_LISTENS, e);
            }
            throw new EtcdException("TLS with etcd failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new EtcdException(NOTHING_LISTENS + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
