package dev.rpik8s.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /**
     * The passwords in the proxies' URLs ({@code http://user:password@proxy:3128}): they reach the hosts' files, but
     * never a log or the journal.
     */
    public List<String> passwords() {
        List<String> found = new ArrayList<>();
        for (String url : List.of(http, https)) {
            Matcher m = PASSWORD.matcher(url);
            if (m.find() && !m.group(1).isEmpty() && !found.contains(m.group(1))) {
                found.add(m.group(1));
            }
        }
        return found;
    }

    /** The same proxies with each password written as {@code mask}, for files that keep no secret. */
    public ProxySettings masked(String mask) {
        return new ProxySettings(maskIn(http, mask), maskIn(https, mask), noProxy);
    }

    private static String maskIn(String url, String mask) {
        Matcher m = PASSWORD.matcher(url);
        return m.find() && !m.group(1).isEmpty() ? url.substring(0, m.start(1)) + mask + url.substring(m.end(1)) : url;
    }

    /** scheme://user:PASSWORD@host: the password ends at the last '@' before the host. */
    private static final Pattern PASSWORD = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://[^:/@]*:(.*)@[^@/]*(/.*)?$");

    public static ProxySettings none() {
        return new ProxySettings("", "", "");
    }
}
