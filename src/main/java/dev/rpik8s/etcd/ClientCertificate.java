package dev.rpik8s.etcd;

import dev.rpik8s.remote.Remote;
import dev.rpik8s.remote.RemoteException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * The client certificate kubeadm made for checking etcd's health (the one kubeadm itself uses), with etcd's CA:
 * read once from a control-plane node as root, kept in memory only, never written on this machine.
 */
public final class ClientCertificate {

    static final String CA = "/etc/kubernetes/pki/etcd/ca.crt";
    static final String CERT = "/etc/kubernetes/pki/etcd/healthcheck-client.crt";
    static final String KEY = "/etc/kubernetes/pki/etcd/healthcheck-client.key";

    private final SSLContext tls;

    private ClientCertificate(SSLContext tls) {
        this.tls = tls;
    }

    /** From a control-plane node's files. */
    public static ClientCertificate readFrom(Remote node) throws EtcdException {
        try {
            return of(node.download(CA), node.download(CERT), node.download(KEY));
        } catch (RemoteException e) {
            throw new EtcdException("cannot read etcd's client certificate on " + node.endpoint() + ": " + e.getMessage(), e);
        }
    }

    /** From PEM text: the CA certificate, the client certificate, its key (PKCS#1 or PKCS#8, as openssl and kubeadm write them). */
    static ClientCertificate of(byte[] caPem, byte[] certPem, byte[] keyPem) throws EtcdException {
        try {
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            Collection<? extends Certificate> ca = x509.generateCertificates(new ByteArrayInputStream(caPem));
            Collection<? extends Certificate> chain = x509.generateCertificates(new ByteArrayInputStream(certPem));
            if (ca.isEmpty() || chain.isEmpty()) {
                throw new EtcdException("etcd's CA or client certificate file holds no certificate");
            }
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate c : ca) {
                trust.setCertificateEntry("etcd-ca-" + i++, c);
            }
            char[] none = new char[0];
            KeyStore keys = KeyStore.getInstance(KeyStore.getDefaultType());
            keys.load(null, null);
            keys.setKeyEntry("healthcheck-client", privateKey(keyPem), none, chain.toArray(new Certificate[0]));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, none);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return new ClientCertificate(tls);
        } catch (GeneralSecurityException | IOException e) {
            throw new EtcdException("etcd's client certificate cannot be used: " + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(byte[] pem) throws IOException, EtcdException {
        try (PEMParser parser = new PEMParser(new StringReader(new String(pem, StandardCharsets.US_ASCII)))) {
            Object read = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (read instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            if (read instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            throw new EtcdException("etcd's client key is not a PEM private key (" + (read == null ? "empty" : read.getClass().getSimpleName()) + ")");
        }
    }

    SSLContext tls() {
        return tls;
    }
}
