package dev.rpik8s.wizard.flow;

/**
 * {@code prepare:} of a flow: the first steps of another flow, run before it on some of its hosts only. The
 * expansion prepares its new masters with the deploy flow's host preparation, and nothing of that reaches the
 * hosts that run the cluster already (an upgrade, a reboot).
 *
 * @param flow    the other flow's id ({@code deploy})
 * @param through the id of its last step to run ({@code kube-packages})
 * @param on      the hosts it runs on ({@code other-masters})
 */
public record Preparation(String flow, String through, Target on) {
}
