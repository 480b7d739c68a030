package dev.rpik8s.cluster;

/**
 * The seed's group_vars proxies, for apt, the runtime and the kubelet. Empty strings mean no proxy.
 *
 * @param noProxy comma-separated, as the NO_PROXY variable takes it
 */
public record ProxySettings(String http, String https, String noProxy) {

    public ProxySettings {
        http = http == null ? "" : http.strip();
        https = https == null ? "" : https.strip();
        noProxy = noProxy == null ? "" : noProxy.strip();
    }

    public static ProxySettings none() {
        return new ProxySettings("", "", "");
    }
}
