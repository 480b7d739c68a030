package dev.rpik8s.cluster;

import java.util.List;

/**
 * What the cluster is built with, beyond its hosts.
 *
 * @param kubernetesVersion a minor ("1.35") or a release ("1.35.2"); its row in {@link KubernetesVersions} says
 *                          what it supports
 * @param cpuCfsQuota       the kubelet's cpuCFSQuota: when false, containers start on kernels without CFS
 *                          bandwidth, and CPU limits are enforced nowhere
 * @param allowCgroupV1     renders the kubelet's failCgroupV1: false (and skips kubeadm's check), for 1.35 and
 *                          later on cgroup v1 hosts
 * @param upgradePackages   host preparation starts with apt-get full-upgrade on every host (slow on SD cards)
 */
public record ClusterSettings(
        String kubernetesVersion,
        String podCidr,
        String serviceCidr,
        Cni cni,
        ContainerRuntime runtime,
        CgroupDriver cgroupDriver,
        Endpoint endpoint,
        ProxySettings proxy,
        List<String> insecureRegistries,
        boolean cpuCfsQuota,
        boolean allowCgroupV1,
        boolean upgradePackages) {

    public ClusterSettings {
        if (kubernetesVersion == null || kubernetesVersion.isBlank()) {
            throw new PlanChangeRefused("The cluster needs a Kubernetes version, such as 1.35.");
        }
        kubernetesVersion = kubernetesVersion.strip();
        if (cni == null || runtime == null || cgroupDriver == null) {
            throw new PlanChangeRefused("The cluster settings need a CNI, a container runtime and a cgroup driver.");
        }
        proxy = proxy == null ? ProxySettings.none() : proxy;
        endpoint = endpoint == null ? Endpoint.firstMaster() : endpoint;
        insecureRegistries = insecureRegistries == null ? List.of() : List.copyOf(insecureRegistries);
    }

    /**
     * Current Kubernetes; flannel's default pod CIDR (kubeadm's --pod-network-cidr for flannel) and kubeadm's
     * default service CIDR; containerd with the systemd driver, kubeadm's default since 1.22.
     */
    public static ClusterSettings defaults() {
        return new ClusterSettings("1.35", "10.244.0.0/16", "10.96.0.0/12", Cni.FLANNEL, ContainerRuntime.CONTAINERD,
                CgroupDriver.SYSTEMD, Endpoint.firstMaster(), ProxySettings.none(), List.of(), true, false, false);
    }

    public ClusterSettings withKubernetesVersion(String version) {
        return new ClusterSettings(version, podCidr, serviceCidr, cni, runtime, cgroupDriver, endpoint, proxy,
                insecureRegistries, cpuCfsQuota, allowCgroupV1, upgradePackages);
    }

    public ClusterSettings withRuntime(ContainerRuntime newRuntime) {
        return new ClusterSettings(kubernetesVersion, podCidr, serviceCidr, cni, newRuntime, cgroupDriver, endpoint, proxy,
                insecureRegistries, cpuCfsQuota, allowCgroupV1, upgradePackages);
    }

    public ClusterSettings withCni(Cni newCni) {
        return new ClusterSettings(kubernetesVersion, podCidr, serviceCidr, newCni, runtime, cgroupDriver, endpoint, proxy,
                insecureRegistries, cpuCfsQuota, allowCgroupV1, upgradePackages);
    }

    public ClusterSettings withCgroupDriver(CgroupDriver driver) {
        return new ClusterSettings(kubernetesVersion, podCidr, serviceCidr, cni, runtime, driver, endpoint, proxy,
                insecureRegistries, cpuCfsQuota, allowCgroupV1, upgradePackages);
    }

    public ClusterSettings withPodCidr(String cidr) {
        return new ClusterSettings(kubernetesVersion, cidr, serviceCidr, cni, runtime, cgroupDriver, endpoint, proxy,
                insecureRegistries, cpuCfsQuota, allowCgroupV1, upgradePackages);
    }

    public ClusterSettings withServiceCidr(String cidr) {
        return new ClusterSettings(kubernetesVersion, podCidr, cidr, cni, runtime, cgroupDriver, endpoint, proxy,
                insecureRegistries, cpuCfsQuota, allowCgroupV1, upgradePackages);
    }

    public ClusterSettings withEndpoint(Endpoint newEndpoint) {
        return new ClusterSettings(kubernetesVersion, podCidr, serviceCidr, cni, runtime, cgroupDriver, newEndpoint, proxy,
                insecureRegistries, cpuCfsQuota, allowCgroupV1, upgradePackages);
    }

    public ClusterSettings withProxy(ProxySettings newProxy) {
        return new ClusterSettings(kubernetesVersion, podCidr, serviceCidr, cni, runtime, cgroupDriver, endpoint, newProxy,
                insecureRegistries, cpuCfsQuota, allowCgroupV1, upgradePackages);
    }

    public ClusterSettings withInsecureRegistries(List<String> registries) {
        return new ClusterSettings(kubernetesVersion, podCidr, serviceCidr, cni, runtime, cgroupDriver, endpoint, proxy,
                registries, cpuCfsQuota, allowCgroupV1, upgradePackages);
    }

    public ClusterSettings withCpuCfsQuota(boolean on) {
        return new ClusterSettings(kubernetesVersion, podCidr, serviceCidr, cni, runtime, cgroupDriver, endpoint, proxy,
                insecureRegistries, on, allowCgroupV1, upgradePackages);
    }

    public ClusterSettings withAllowCgroupV1(boolean allow) {
        return new ClusterSettings(kubernetesVersion, podCidr, serviceCidr, cni, runtime, cgroupDriver, endpoint, proxy,
                insecureRegistries, cpuCfsQuota, allow, upgradePackages);
    }

    public ClusterSettings withUpgradePackages(boolean upgrade) {
        return new ClusterSettings(kubernetesVersion, podCidr, serviceCidr, cni, runtime, cgroupDriver, endpoint, proxy,
                insecureRegistries, cpuCfsQuota, allowCgroupV1, upgrade);
    }
}
