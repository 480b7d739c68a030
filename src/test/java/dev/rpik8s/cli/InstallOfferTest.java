package dev.rpik8s.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.lab.LabPrerequisites.Missing;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The offer's decisions, with a recording runner in place of apt-get. */
class InstallOfferTest {

    private final List<Missing> missing = List.of(new Missing("etcd", "etcd-server"), new Missing("etcdctl", "etcd-client"),
            new Missing("nsenter", "util-linux"), new Missing("unshare", "util-linux"));
    private final List<List<String>> ran = new ArrayList<>();
    private final StringWriter out = new StringWriter();

    private boolean offer(boolean root, boolean interactive, String typed, int aptExit) throws Exception {
        InstallOffer o = new InstallOffer(root, interactive, argv -> {
            ran.add(argv);
            return aptExit;
        });
        return o.offer("The lab", missing, new BufferedReader(new StringReader(typed)), new PrintWriter(out, true));
    }

    @Test
    void notRootPrintsTheSudoLineAndInstallsNothing() throws Exception {
        assertFalse(offer(false, true, "y\n", 0));
        assertTrue(out.toString().contains("sudo apt-get install -y etcd-server etcd-client util-linux"), out::toString);
        assertTrue(ran.isEmpty());
    }

    @Test
    void rootWhoSaysYesGetsThePackagesOnce() throws Exception {
        assertTrue(offer(true, true, "y\n", 0));
        assertEquals(List.of(List.of("apt-get", "update"), List.of("apt-get", "install", "-y", "etcd-server", "etcd-client", "util-linux")), ran);
    }

    @Test
    void anythingButYesInstallsNothing() throws Exception {
        assertFalse(offer(true, true, "\n", 0));
        assertFalse(offer(true, true, "", 0));
        assertTrue(ran.isEmpty());
        assertTrue(out.toString().contains("Nothing installed"), out::toString);
    }

    @Test
    void nobodyAtTheTerminalMeansNoInstall() throws Exception {
        assertFalse(offer(true, false, "y\n", 0));
        assertTrue(ran.isEmpty());
    }

    @Test
    void aFailedAptGetIsReported() throws Exception {
        assertFalse(offer(true, true, "y\n", 100));
        assertTrue(out.toString().contains("apt-get did not finish"), out::toString);
    }

    @Test
    void namesEachMissingTool() throws Exception {
        offer(false, false, "", 0);
        assertTrue(out.toString().contains("etcdctl    (Debian package etcd-client)"), out::toString);
    }
}
