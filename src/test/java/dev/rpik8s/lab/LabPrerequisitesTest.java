package dev.rpik8s.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check the launcher runs before a lab starts: what it finds missing, and what it tells to do. */
class LabPrerequisitesTest {

    private static final LabPrerequisites.UserNamespaceProbe NEVER = () -> {
        throw new AssertionError("root needs no user namespace: no probe");
    };

    /** A directory holding links to only these tools of this machine: a PATH that lacks the rest. */
    private static List<Path> pathWith(Path dir, String... tools) throws IOException {
        for (String tool : tools) {
            Path real = Optional.ofNullable(System.getenv("PATH")).map(p -> p.split(":")).stream().flatMap(java.util.Arrays::stream)
                    .map(d -> Path.of(d, tool)).filter(Files::isExecutable).findFirst().orElseThrow(() -> new AssertionError("no " + tool + " here"));
            Files.createSymbolicLink(dir.resolve(tool), real);
        }
        return List.of(dir);
    }

    @Test
    void aPathWithoutEtcdNamesItsPackagesAndTheLineThatInstallsThem(@TempDir Path dir) throws IOException {
        List<Path> path = pathWith(dir, "bash", "unshare", "nsenter", "mount", "mountpoint", "script", "openssl");
        LabPrerequisites check = LabPrerequisites.check(path, true, true, NEVER);
        assertEquals(List.of(new LabPrerequisites.Missing("etcd", "etcd-server"), new LabPrerequisites.Missing("etcdctl", "etcd-client")),
                check.missing().stream().filter(m -> !m.what().equals(PiSshServer.SFTP_SERVER)).toList());
        if (PiSshServer.hasSftpServer()) {
            IOException e = assertThrows(IOException.class, check::throwIfMissing);
            assertEquals("The lab needs etcd, etcdctl. Install with: sudo apt-get install -y etcd-server etcd-client", e.getMessage());
        }
    }

    @Test
    void anEmptyPathNamesEveryProgramAndEachPackageOnce(@TempDir Path dir) {
        IOException e = assertThrows(IOException.class, () -> LabPrerequisites.check(List.of(dir), true, true, NEVER).throwIfMissing());
        assertTrue(e.getMessage().startsWith("The lab needs bash, unshare, nsenter, mount, mountpoint, script, openssl, etcd, etcdctl"), e.getMessage());
        assertTrue(e.getMessage().contains(". Install with: sudo apt-get install -y bash util-linux mount bsdutils openssl etcd-server etcd-client"),
                e.getMessage());
    }

    @Test
    void aUserWhoMayNotMakeAUserNamespaceIsToldHowToAllowItOrToRunAsRoot(@TempDir Path dir) throws IOException {
        List<Path> path = pathWith(dir, "bash", "unshare", "nsenter", "mount", "mountpoint", "script", "openssl", "etcd", "etcdctl");
        LabPrerequisites refused = LabPrerequisites.check(path, true, false, () -> Optional.of("unshare: unshare failed: Operation not permitted\n"));
        assertEquals(Optional.of("needs user namespaces when not run as root, and this user may not make one"
                + " (unshare --user --map-root-user true: unshare: unshare failed: Operation not permitted)."
                + " Allow them with: sudo sysctl -w kernel.unprivileged_userns_clone=1"
                + " (and on Ubuntu 24.04 or later: sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0), or run rpik8s-tui as root."),
                refused.obstacle());
        IOException e = assertThrows(IOException.class, refused::throwIfMissing);
        assertTrue(e.getMessage().startsWith("The lab needs user namespaces when not run as root"), e.getMessage());

        assertEquals(Optional.empty(), LabPrerequisites.check(path, true, false, Optional::empty).obstacle(), "allowed: nothing to say");
        assertEquals(Optional.empty(), LabPrerequisites.check(path, true, true, NEVER).obstacle(), "root is not asked");
    }

    @Test
    void notLinuxIsAnObstacleNoPackageRemoves(@TempDir Path dir) {
        LabPrerequisites check = LabPrerequisites.check(List.of(dir), false, true, NEVER);
        assertTrue(check.obstacle().orElseThrow().startsWith("needs Linux (mount and UTS namespaces); this is "), check.obstacle().toString());
        assertEquals(List.of(), check.missing());
    }

    @Test
    void thisMachineCanHoldALab() {
        LabPrerequisites check = LabPrerequisites.check();
        assertEquals(List.of(), check.missing());
        assertEquals(Optional.empty(), check.obstacle());
    }
}
