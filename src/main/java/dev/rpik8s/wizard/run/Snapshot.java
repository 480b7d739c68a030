package dev.rpik8s.wizard.run;

import java.nio.file.Path;

/**
 * An etcd snapshot taken on the leader, checked there with snapshot status, kept on the master and copied to the
 * session on this machine (same SHA-256).
 */
record Snapshot(Path copy, String onMaster, String master, long revision, long keys, long bytes, String sha256) {

    /** One line for a confirmation or a result. */
    String words() {
        return "etcd snapshot " + copy + " (revision " + revision + ", " + keys + " keys, " + bytes + " bytes; also "
                + onMaster + " on " + master + ")";
    }
}
