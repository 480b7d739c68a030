package dev.rpik8s.cluster;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The names Kubernetes accepts, checked before they reach kubeadm: host names (they become node names), label
 * keys and values. Each check returns the problem in words an operator can act on, or nothing when the name is
 * fine, so a screen can show it while the name is typed.
 */
public final class KubernetesNames {

    /** RFC 1123 label: what a node name must be when it is a single host name. */
    private static final Pattern HOST_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern LABEL_PART = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final int MAX_LABEL = 63;

    private KubernetesNames() {
    }

    public static Optional<String> hostnameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("A host needs a name: lower-case letters, digits and '-', at most 63 characters.");
        }
        if (name.length() > MAX_LABEL) {
            return Optional.of("'" + name + "' is " + name.length() + " characters long; a host name has at most "
                    + MAX_LABEL + " (RFC 1123).");
        }
        if (!name.equals(name.toLowerCase(Locale.ROOT))) {
            return Optional.of("'" + name + "' has upper-case letters; Kubernetes node names are lower case. Use '"
                    + name.toLowerCase(Locale.ROOT) + "'.");
        }
        if (name.contains("_")) {
            return Optional.of("'" + name + "' has '_', which no host name may have; use '-': '" + name.replace('_', '-') + "'.");
        }
        if (name.contains(".")) {
            return Optional.of("'" + name + "' has '.': give the short host name only ('" + name.substring(0, name.indexOf('.'))
                    + "'); the domain comes from DNS.");
        }
        if (name.startsWith("-") || name.endsWith("-")) {
            return Optional.of("'" + name + "' starts or ends with '-'; a host name starts and ends with a letter or a digit.");
        }
        if (!HOST_LABEL.matcher(name).matches()) {
            return Optional.of("'" + name + "' has characters a host name cannot have; use only a-z, 0-9 and '-'.");
        }
        return Optional.empty();
    }

    /** A DNS name (RFC 1123 subdomain), such as api.cluster.lan or registry.lan: for endpoints and registries. */
    public static Optional<String> dnsNameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("A DNS name is needed, such as api.cluster.lan.");
        }
        if (name.length() > 253) {
            return Optional.of("'" + name + "' is " + name.length() + " characters long; a DNS name has at most 253.");
        }
        if (!name.equals(name.toLowerCase(Locale.ROOT))) {
            return Optional.of("'" + name + "' has upper-case letters; certificates and Kubernetes take DNS names in lower case: '"
                    + name.toLowerCase(Locale.ROOT) + "'.");
        }
        if (!DNS_SUBDOMAIN.matcher(name).matches() || name.chars().allMatch(c -> c == '.' || Character.isDigit(c))) {
            return Optional.of("'" + name + "' is not a DNS name: parts of a-z, 0-9 and inner '-', separated by dots,"
                    + " such as api.cluster.lan.");
        }
        for (String part : name.split("\\.")) {
            if (part.length() > MAX_LABEL) {
                return Optional.of("'" + part + "' in '" + name + "' is " + part.length() + " characters long; each part of a DNS"
                        + " name has at most " + MAX_LABEL + ".");
            }
        }
        return Optional.empty();
    }

    /** A label key: an optional DNS-subdomain prefix and '/', then a name of at most 63 characters. */
    public static Optional<String> labelKeyProblem(String key) {
        if (key == null || key.isEmpty()) {
            return Optional.of("A label needs a key, such as 'rack' or 'example.com/disk'.");
        }
        int slash = key.lastIndexOf('/');
        String prefix = slash < 0 ? "" : key.substring(0, slash);
        String name = key.substring(slash + 1);
        if (slash >= 0 && (prefix.isEmpty() || prefix.length() > 253 || !DNS_SUBDOMAIN.matcher(prefix).matches())) {
            return Optional.of("Label key '" + key + "': the part before '/' must be a lower-case DNS name such as 'example.com'.");
        }
        return partProblem(name, "Label key '" + key + "'", false);
    }

    public static Optional<String> labelValueProblem(String value) {
        return partProblem(value == null ? "" : value, "Label value '" + value + "'", true);
    }

    /** A rack name labels the rack's nodes, so it must be a non-empty label value. */
    public static Optional<String> rackNameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("A rack needs a name, such as 'a' or 'rack-1'.");
        }
        return partProblem(name, "Rack name '" + name + "'", false);
    }

    private static Optional<String> partProblem(String part, String what, boolean mayBeEmpty) {
        if (part.isEmpty()) {
            return mayBeEmpty ? Optional.empty() : Optional.of(what + " needs a name after the '/'.");
        }
        if (part.length() > MAX_LABEL) {
            return Optional.of(what + " is " + part.length() + " characters long; at most " + MAX_LABEL + " are allowed.");
        }
        if (!LABEL_PART.matcher(part).matches()) {
            return Optional.of(what + ": use letters, digits, '-', '_' and '.', starting and ending with a letter or a digit.");
        }
        return Optional.empty();
    }
}
