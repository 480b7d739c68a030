package dev.rpik8s.advice;

import static dev.rpik8s.cluster.Severity.INFO;

import dev.rpik8s.cluster.Finding;
import dev.rpik8s.cluster.HostFacts;
import dev.rpik8s.cluster.HostFacts.Swap;
import dev.rpik8s.cluster.PlannedHost;
import java.util.List;

/** Swap: the kubelet will not start with it (failSwapOn), so host prep turns it off; the operator should know. */
final class SwapOn implements HostRule {

    static final String CODE = "swap-on";

    @Override
    public List<Finding> check(PlannedHost host, HostFacts facts, Context c) {
        if (facts.swap() == Swap.NONE) {
            return List.of();
        }
        // pi-facts 4.4: dphys-swapfile up to bookworm, rpi-swap's zram on trixie.
        String how = switch (facts.swap()) {
            case DPHYS_SWAPFILE -> "dphys-swapfile swapoff, dphys-swapfile uninstall, systemctl disable dphys-swapfile";
            case ZRAM -> "rpi-swap set to Mechanism=none, then a reboot";
            default -> "swapoff -a, and its line in /etc/fstab commented out";
        };
        return List.of(Finding.onHost(CODE, INFO, host,
                host.title() + " has swap on (" + String.join(", ", facts.swapDevices()) + "). The kubelet does not start"
                        + " with swap on, so host prep will turn it off: " + how + ".",
                List.of()));
    }
}
