package dev.rpik8s.wizard;

/**
 * One thing the settings step decides, in the order --plain asks them: chosen from a list, or typed.
 * The runtime's switches follow the runtime, since they decide together whether a host can start containers.
 */
public enum Setting {
    VERSION("Kubernetes version", false),
    RUNTIME("Container runtime", false),
    CGROUP_DRIVER("cgroup driver", false),
    CPU_CFS_QUOTA("cpuCFSQuota", false),
    ALLOW_CGROUP_V1("Allow cgroup v1", false),
    CNI("CNI (pod network)", false),
    POD_CIDR("Pod CIDR", true),
    SERVICE_CIDR("Service CIDR", true),
    ENDPOINT("API endpoint", false),
    HTTP_PROXY("HTTP proxy", true),
    HTTPS_PROXY("HTTPS proxy", true),
    NO_PROXY("No proxy", true),
    INSECURE_REGISTRIES("Insecure registries", true),
    UPGRADE_PACKAGES("Upgrade packages", false);

    private final String label;
    private final boolean typed;

    Setting(String label, boolean typed) {
        this.label = label;
        this.typed = typed;
    }

    public String label() {
        return label;
    }

    /** Typed as text; else chosen from {@link SettingsStep#choices}. */
    public boolean typed() {
        return typed;
    }

    /** May be left empty ("none"): the proxies and the registries. */
    public boolean optional() {
        return this == HTTP_PROXY || this == HTTPS_PROXY || this == NO_PROXY || this == INSECURE_REGISTRIES;
    }
}
