package dev.rpik8s.lab;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Pi's etcd as {@code lab status} shows it: up (it answers), down (kubeadm's static-pod manifest is there, so the
 * kubelet should run it, and it does not answer), or none (no manifest: this Pi is no etcd member).
 */
public enum EtcdState {
    UP("up"), DOWN("down"), NONE("-");

    /** Where kubeadm puts etcd's manifest, relative to the Pi's root. */
    static final String MANIFEST = "etc/kubernetes/manifests/etcd.yaml";

    private final String word;

    EtcdState(String word) {
        this.word = word;
    }

    /** The column's word: up, down or -. */
    public String word() {
        return word;
    }

    static EtcdState of(boolean answers, Path piRoot) {
        if (answers) {
            return UP;
        }
        return Files.exists(piRoot.resolve(MANIFEST)) ? DOWN : NONE;
    }
}
