package dev.rpik8s.lab;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * The TLS face of a kube-apiserver container the kubelet emulator records: the lab runs no API server, but a
 * restart of one must be observable from the Pi as on a real node. At container start it reads the manifest's
 * {@code --tls-cert-file} and {@code --tls-private-key-file} (kubeadm's apiserver.crt/key) and serves them on the
 * Pi's address at {@code --secure-port}, until the container stops: a new certificate on disk is served only after
 * a restart, as with the real API server. {@code openssl s_client} sees that certificate, and the real curl checks
 * its --cacert and host name against it. {@code /healthz}, {@code /livez} and {@code /readyz} answer {@code ok}
 * while the Pi's etcd is healthy (its plain-HTTP {@code /health} on the metrics port), else HTTP 500 as the API
 * server's etcd check fails; other paths answer 403 as to an anonymous client. Nothing else of the API is here:
 * kubectl and kubeadm keep reaching the cluster through etcd (rpik8s-lab-api).
 */
final class ApiServerFront implements AutoCloseable {

    private final HttpsServer server;
    private final ExecutorService executor;
    private final BigInteger serial;

    private ApiServerFront(HttpsServer server, ExecutorService executor, BigInteger serial) {
        this.server = server;
        this.executor = executor;
        this.serial = serial;
    }

    /** The serial number of the certificate being served. */
    BigInteger serial() {
        return serial;
    }

    /**
     * Starts serving for a kube-apiserver container of the Pi whose root and address are given.
     *
     * @param argv the container's command (kube-apiserver and its flags)
     */
    static ApiServerFront start(Path root, String address, List<String> argv) throws IOException {
        String certFile = flag(argv, "--tls-cert-file", "/etc/kubernetes/pki/apiserver.crt");
        String keyFile = flag(argv, "--tls-private-key-file", "/etc/kubernetes/pki/apiserver.key");
        int port = Integer.parseInt(flag(argv, "--secure-port", "6443"));
        X509Certificate cert;
        PrivateKey key;
        try {
            cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(Files.newInputStream(root.resolve(certFile.substring(1))));
            key = privateKey(Files.readString(root.resolve(keyFile.substring(1)), StandardCharsets.US_ASCII));
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            char[] pw = "lab".toCharArray();
            ks.setKeyEntry("apiserver", key, pw, new java.security.cert.Certificate[] {cert});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, pw);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, new SecureRandom());
            HttpsServer s = HttpsServer.create(new InetSocketAddress(address, port), 16);
            s.setHttpsConfigurator(new HttpsConfigurator(ctx));
            String etcdHealth = "http://" + address + ":2381/health";
            s.createContext("/", ex -> handle(ex, etcdHealth));
            ExecutorService ex = Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "apiserver-" + address);
                t.setDaemon(true);
                return t;
            });
            s.setExecutor(ex);
            s.start();
            return new ApiServerFront(s, ex, cert.getSerialNumber());
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot serve " + certFile + ": " + e, e);
        }
    }

    private static void handle(HttpExchange ex, String etcdHealth) throws IOException {
        String path = ex.getRequestURI().getPath();
        int code;
        String body;
        if (path.equals("/healthz") || path.equals("/livez") || path.equals("/readyz")) {
            if (etcdHealthy(etcdHealth)) {
                code = 200;
                body = "ok";
            } else {
                code = 500;
                body = "[+]ping ok\n[+]log ok\n[-]etcd failed: reason withheld\nhealthz check failed\n";
            }
        } else {
            code = 403;
            body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":\"forbidden: User"
                    + " \\\"system:anonymous\\\" cannot get path \\\"" + path + "\\\"\",\"reason\":\"Forbidden\",\"details\":{},\"code\":403}\n";
        }
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", code == 403 ? "application/json" : "text/plain; charset=utf-8");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.sendResponseHeaders(code, b.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(b);
        }
    }

    private static boolean etcdHealthy(String url) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setConnectTimeout(2000);
            c.setReadTimeout(5000);
            try {
                return c.getResponseCode() == 200
                        && new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8).contains("\"health\":\"true\"");
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    static String flag(List<String> argv, String name, String dflt) {
        for (String a : argv) {
            if (a.startsWith(name + "=")) {
                return a.substring(name.length() + 1);
            }
        }
        return dflt;
    }

    /** A PEM private key as openssl and kubeadm write them (PKCS#1 or PKCS#8), read by bcpkix. */
    static PrivateKey privateKey(String pem) throws IOException {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object read = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (read instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            if (read instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            throw new IOException("not a PEM private key");
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
