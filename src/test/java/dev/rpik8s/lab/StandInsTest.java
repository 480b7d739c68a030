package dev.rpik8s.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Host-preparation stand-ins, run inside a scratch Pi (real mount+UTS namespace). */
class StandInsTest {

    @Test
    void unameAnswersWithTheProfilesKernelNotThisMachines() throws Exception {
        ScratchPi pi = ScratchPi.create("pi-uname", "127.0.2.210", "KERNEL_ARCH=armv7l", "DEB_ARCH=armhf", "OS_CODENAME=buster");
        var r = pi.sh("uname -m; /usr/bin/uname -m; uname -n; uname -r; uname -Z");
        assertEquals(1, r.exit(), r.all());
        String[] lines = r.out().split("\n");
        assertEquals("armv7l", lines[0]);
        assertEquals("armv7l", lines[1]);
        assertEquals("pi-uname", lines[2]);
        assertTrue(lines[3].endsWith("-v7l+"), lines[3]);
        assertTrue(r.err().contains("uname: invalid option -- 'Z'"), r.err());
    }

    @Test
    void curlServesTheRepositoriesKeysOfflineFailsElsewhereAndAnUnsignedRepositoryIsRefused() throws Exception {
        ScratchPi pi = ScratchPi.create("pi-curl", "127.0.2.212");
        var offline = pi.sh("curl -fsSL -o /tmp/x https://example.org/install.sh");
        assertEquals(6, offline.exit(), offline.all());
        assertTrue(offline.err().contains("curl: (6) Could not resolve host: example.org"), offline.err());
        assertFalse(Files.exists(pi.root().resolve("tmp/x")), "no file left by a failed download");
        var unemulated = pi.sh("curl --json '{}' https://pkgs.k8s.io/");
        assertEquals(2, unemulated.exit());
        assertTrue(unemulated.err().contains("not emulated in the Pi lab"), unemulated.err());

        // a list whose signed-by key is missing is refused at update, as apt refuses it
        var unsigned = pi.sh("echo 'deb [signed-by=/etc/apt/keyrings/k.asc] https://pkgs.k8s.io/core:/stable:/v1.31/deb/ /'"
                + " > /etc/apt/sources.list.d/k.list && apt-get update");
        assertEquals(100, unsigned.exit(), unsigned.all());
        assertTrue(unsigned.err().contains("E: The repository 'https://pkgs.k8s.io/core:/stable:/v1.31/deb/ InRelease' is not signed."),
                unsigned.err());
        var signed = pi.sh("mkdir -p /etc/apt/keyrings && curl -fsSL -o /etc/apt/keyrings/k.asc https://pkgs.k8s.io/core:/stable:/v1.31/deb/Release.key"
                + " && head -n 1 /etc/apt/keyrings/k.asc && apt-get update");
        assertEquals(0, signed.exit(), signed.all());
        assertTrue(signed.out().startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----\n"), signed.out());
    }

    @Test
    void aptGetInstallThenDpkgListShowsItAndHoldsShow() throws Exception {
        ScratchPi pi = ScratchPi.create("pi-apt", "127.0.2.211");
        var before = pi.sh("apt-get install -y kubeadm");
        assertEquals(100, before.exit(), before.all());
        assertTrue(before.err().contains("E: Unable to locate package kubeadm"), before.err());
        var r = pi.sh(LabScripts.K8S_REPO + " && apt-get update && apt-get install -y --no-install-recommends kubeadm=1.30.14-1.1 kubelet kubectl"
                + " && apt-mark hold kubeadm kubelet kubectl && dpkg -l 'kube*' && dpkg --print-architecture"
                + " && dpkg-query -W -f='${Version}' kubeadm");
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().matches("(?s).*\nhi  kubeadm +1\\.30\\.14-1\\.1 +arm64 .*"), r.out());
        assertTrue(r.out().matches("(?s).*\nii  kubernetes-cni +1\\.4\\.0-1\\.1 .*"), r.out());
        assertTrue(r.out().contains("\narm64\n1.30.14-1.1"), r.out());
        assertTrue(Files.readString(pi.root().resolve("var/lib/rpik8s-lab/dpkg.list")).contains("kubeadm\t1.30.14-1.1\tarm64"));
        // a dependency to pull in and no -y: apt-get asks, and stdin at EOF aborts
        var ask = pi.sh("apt-get install docker.io");
        assertEquals(1, ask.exit(), ask.all());
        assertTrue(ask.out().contains("Do you want to continue? [Y/n]") && ask.out().contains("Abort."), ask.out());
        var wrongVersion = pi.sh("apt-get install -y kubeadm=1.29.0-1.1");
        assertEquals(100, wrongVersion.exit());
        assertTrue(wrongVersion.err().contains("E: Version '1.29.0-1.1' for 'kubeadm' was not found"), wrongVersion.err());
        var unit = pi.sh("systemctl is-active kubelet; systemctl is-enabled kubelet");
        assertEquals("activating\nenabled\n", unit.out(), "kubelet crash-loops until kubeadm writes its config");
    }

    @Test
    void refusedFlagsFailLikeTheRealTools() throws Exception {
        ScratchPi pi = ScratchPi.create("pi-flags", "127.0.2.212");
        var apt = pi.sh("apt-get --yes-please install jq");
        assertEquals(100, apt.exit());
        assertEquals("E: Command line option --yes-please is not understood in combination with the other options\n", apt.err());
        var aptShort = pi.sh("apt-get -Z install jq");
        assertEquals(100, aptShort.exit());
        assertTrue(aptShort.err().startsWith("E: Command line option 'Z' [from -Z] is not understood"), aptShort.err());
        var sysctl = pi.sh("sysctl --frobnicate");
        assertEquals(255, sysctl.exit());
        assertTrue(sysctl.err().startsWith("sysctl: unrecognized option '--frobnicate'"), sysctl.err());
        var systemctl = pi.sh("systemctl --bogus status ssh");
        assertEquals(1, systemctl.exit());
        assertEquals("systemctl: unrecognized option '--bogus'\n", systemctl.err());
        var sudo = pi.sh("sudo -Q true");
        assertEquals(1, sudo.exit());
        assertTrue(sudo.err().startsWith("sudo: invalid option -- 'Q'\nusage: sudo"), sudo.err());
        var missing = pi.sh("systemctl start containerd");
        assertEquals(5, missing.exit());
        assertEquals("Failed to start containerd.service: Unit containerd.service not found.\n", missing.err());
        // package tools, called where their stand-ins live: cobra's refusal (kubeadm), urfave/cli's (crictl)
        var kubeadm = pi.sh("/usr/local/sbin/pkg/kubeadm --bogus");
        assertEquals(1, kubeadm.exit());
        assertEquals("unknown flag: --bogus\nTo see the stack trace of this error execute with --v=5 or higher\n", kubeadm.err());
        var kubeadmShort = pi.sh("/usr/local/sbin/pkg/kubeadm -Z");
        assertEquals("unknown shorthand flag: 'Z' in -Z\nTo see the stack trace of this error execute with --v=5 or higher\n", kubeadmShort.err());
        var crictl = pi.sh("/usr/local/sbin/pkg/crictl --bogus ps");
        assertEquals(1, crictl.exit());
        assertEquals("FATA[0000] flag provided but not defined: -bogus\n", crictl.err());
        assertTrue(crictl.out().startsWith("Incorrect Usage: flag provided but not defined: -bogus\n\nNAME:\n   crictl - client for CRI\n"), crictl.out());
    }

    @Test
    void kubeletComesWithItsPackageTellsItsVersionAndSaysTheUnitIsTheKubelet() throws Exception {
        ScratchPi pi = ScratchPi.create("pi-kubelet", "127.0.2.219");
        assertEquals("none\n", pi.sh("command -v kubelet || echo none").out(), "no kubelet before its package");
        var install = pi.sh(LabScripts.K8S_REPO + " && apt-get update >/dev/null && apt-get install -y kubelet=1.30.14-1.1 >/dev/null"
                + " && command -v kubelet && kubelet --version");
        assertEquals(0, install.exit(), install.all());
        assertEquals("/usr/bin/kubelet\nKubernetes v1.30.14\n", install.out());
        var help = pi.sh("kubelet --help | grep -E '^Usage:|^  kubelet|--node-ip'");
        assertEquals("Usage:\n  kubelet [flags]\n      --node-ip\n", help.out(), help.all());
        var unknown = pi.sh("kubelet --bogus=1 --config /var/lib/kubelet/config.yaml");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().matches("E\\d{4} \\d\\d:\\d\\d:\\d\\d\\.\\d{6} +\\d+ run\\.go:74\\] \"command failed\" "
                + "err=\"failed to parse kubelet flag: unknown flag: --bogus\"\n"), unknown.err());
        var byHand = pi.sh("kubelet --config=/var/lib/kubelet/config.yaml --kubeconfig /etc/kubernetes/kubelet.conf --v=2");
        assertEquals(1, byHand.exit());
        assertTrue(byHand.err().startsWith("kubelet: on this Pi the kubelet runs as the systemd unit kubelet.service"), byHand.err());
        assertEquals("activating\n", pi.sh("systemctl is-active kubelet").out(), "the unit (the emulator) is as it was");
        var removed = pi.sh("apt-get remove -y kubelet >/dev/null && (command -v kubelet || echo none)");
        assertEquals("none\n", removed.out(), removed.all());
    }

    @Test
    void sudoWithAPasswordProfile() throws Exception {
        ScratchPi pi = ScratchPi.create("pi-sudo", "127.0.2.213", "SUDO=password", "SUDO_PASSWORD=s3cret");
        pi.env("USER", "pi");
        var nonInteractive = pi.sh("sudo -n true");
        assertEquals(1, nonInteractive.exit());
        assertEquals("sudo: a password is required\n", nonInteractive.err());
        var right = pi.sh("sudo -S -p '' sh -c 'echo $USER; read -r rest; echo \"$rest\"'", "s3cret\nmore input\n");
        assertEquals(0, right.exit(), right.all());
        assertEquals("root\nmore input\n", right.out(), "the command runs as root and gets the rest of stdin");
        var wrong = pi.sh("sudo -S true", "nope\n");
        assertEquals(1, wrong.exit());
        assertTrue(wrong.err().contains("[sudo] password for pi: "), wrong.err());
        assertTrue(wrong.err().contains("Sorry, try again.\n"), wrong.err());
        assertTrue(wrong.err().endsWith("sudo: 1 incorrect password attempt\n"), wrong.err());
        var noTty = pi.sh("sudo true");
        assertEquals(1, noTty.exit());
        assertTrue(noTty.err().contains("a terminal is required"), noTty.err());
        // without sudo the login user is not root: the stand-ins refuse like the real tools
        var notRoot = pi.sh("sysctl -w net.ipv4.ip_forward=1; apt-get update");
        assertTrue(notRoot.err().contains("sysctl: permission denied on key \"net.ipv4.ip_forward\""), notRoot.err());
        assertTrue(notRoot.err().contains("are you root?"), notRoot.err());
    }

    @Test
    void sysctlLoadsAFileAndBridgeKeysNeedBrNetfilter() throws Exception {
        ScratchPi pi = ScratchPi.create("pi-sysctl", "127.0.2.214");
        var absent = pi.sh("sysctl net.bridge.bridge-nf-call-iptables");
        assertEquals(255, absent.exit());
        assertEquals("sysctl: cannot stat /proc/sys/net/bridge/bridge-nf-call-iptables: No such file or directory\n", absent.err());
        var r = pi.sh("printf 'net.bridge.bridge-nf-call-iptables = 1\\nnet.ipv4.ip_forward = 1\\n' > /etc/sysctl.d/k8s.conf;"
                + " sysctl -p /etc/sysctl.d/k8s.conf; echo rc=$?; sysctl -n net.ipv4.ip_forward;"
                + " modprobe br_netfilter && lsmod | grep -c '^br_netfilter ' && sysctl net.bridge.bridge-nf-call-iptables;"
                + " sysctl -w net.bridge.bridge-nf-call-iptables=0; sysctl -n net.bridge.bridge-nf-call-iptables; modprobe nosuchmod");
        assertTrue(r.out().startsWith("net.ipv4.ip_forward = 1\nrc=255\n1\n1\nnet.bridge.bridge-nf-call-iptables = 1\n"
                + "net.bridge.bridge-nf-call-iptables = 0\n0\n"), r.out());
        assertTrue(r.err().contains("cannot stat /proc/sys/net/bridge/bridge-nf-call-iptables"), r.err());
        assertTrue(r.err().contains("modprobe: FATAL: Module nosuchmod not found in directory /lib/modules/"), r.err());
        // a reboot forgets modules and parameters; lab-boot loads /etc/modules-load.d and applies /etc/sysctl.d
        var boot = pi.sh("echo br_netfilter > /etc/modules-load.d/k8s.conf; lab-boot; lsmod | tail -n +2; sysctl -n net.bridge.bridge-nf-call-iptables net.ipv4.ip_forward");
        assertEquals("br_netfilter           65536  0\n1\n1\n", boot.out(), boot.all());
    }

    @Test
    void swapoffEmptiesProcSwapsAndRebootIsOnlyARequest() throws Exception {
        ScratchPi pi = ScratchPi.create("pi-swap", "127.0.2.215");
        var show = pi.sh("swapon --show --noheadings");
        assertTrue(show.out().startsWith("/var/swap"), show.all());
        var r = pi.sh("swapoff -a && swapon --show && cat /proc/swaps && dphys-swapfile uninstall && systemctl disable dphys-swapfile");
        assertEquals(0, r.exit(), r.all());
        assertEquals("Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n", r.out());
        assertEquals("Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n", Files.readString(pi.root().resolve("proc/swaps")));
        assertFalse(Files.exists(pi.root().resolve("var/lib/rpik8s-lab/reboot-requested")));
        // /usr/sbin/reboot is a symlink to systemctl: a bind through it puts the reboot stand-in at systemctl's path
        var misbound = pi.sh("mkdir -p /tmp/x && cp /usr/local/sbin/reboot /tmp/x/systemctl && /tmp/x/systemctl is-active ssh");
        assertEquals("active\n", misbound.out(), misbound.all());
        assertFalse(Files.exists(pi.root().resolve("var/lib/rpik8s-lab/reboot-requested")), "called as systemctl, it is systemctl");
        var reboot = pi.sh("sudo reboot && /usr/sbin/shutdown -r now");
        assertEquals(0, reboot.exit(), reboot.all());
        assertEquals("", reboot.all());
        assertTrue(Files.exists(pi.root().resolve("var/lib/rpik8s-lab/reboot-requested")));
        var boot = pi.sh("lab-boot; cat /proc/swaps | wc -l; systemctl is-enabled dphys-swapfile; ls /var/lib/rpik8s-lab/");
        assertTrue(boot.out().startsWith("1\ndisabled\n"), "swap stays off after a reboot once disabled: " + boot.out());
        assertFalse(boot.out().contains("reboot-requested"), boot.out());
    }

    @Test
    void crictlAndDockerAnswerOnlyWhileTheirServiceRuns() throws Exception {
        ScratchPi pi = ScratchPi.create("pi-cri", "127.0.2.216");
        var r = pi.sh(LabScripts.K8S_REPO + " && apt-get update >/dev/null && apt-get install -y cri-tools containerd docker.io >/dev/null"
                + " && systemctl stop containerd && CONTAINER_RUNTIME_ENDPOINT=unix:///run/containerd/containerd.sock crictl info");
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("FATA[0000] validate service connection"), r.err());
        Files.createDirectories(pi.root().resolve("var/lib/rpik8s-lab/containers/etcd"));
        Files.writeString(pi.root().resolve("var/lib/rpik8s-lab/containers/etcd/state"),
                "name=etcd\nid=" + "ab".repeat(32) + "\npod=etcd-pi-cri\npod_id=" + "cd".repeat(32)
                        + "\nimage=registry.k8s.io/etcd:3.5.15-0\nstate=Running\npid=1\nstarted=" + (System.currentTimeMillis() / 1000 - 5)
                        + "\nrestarts=2\n");
        var ps = pi.sh("systemctl start containerd && crictl ps && crictl ps --name etcd -q && crictl info | grep -c RuntimeReady");
        assertEquals(0, ps.exit(), ps.all());
        String[] lines = ps.out().split("\n");
        assertTrue(lines[0].matches("CONTAINER +IMAGE +CREATED +STATE +NAME +ATTEMPT +POD ID +POD"), lines[0]);
        assertTrue(lines[1].matches("abababababab[a-f0-9] +[0-9a-f]{13} +\\d+ seconds ago +Running +etcd +2 +cdcdcdcdcdcdc +etcd-pi-cri"), lines[1]);
        assertEquals("ab".repeat(32), lines[2]);
        var docker = pi.sh("echo '{\"exec-opts\": [\"native.cgroupdriver=cgroupfs\"]}' > /etc/docker/daemon.json;"
                + " docker info --format '{{.CgroupDriver}} {{.CgroupVersion}}'; systemctl stop docker; docker info");
        assertEquals("cgroupfs 2\n", docker.out());
        assertTrue(docker.err().contains("Cannot connect to the Docker daemon"), docker.err());
    }

    @Test
    void aPackagesCommandsAreOnThePathOnlyWhileItIsInstalledAndThisMachinesOwnNeverShow() throws Exception {
        ScratchPi pi = ScratchPi.create("pi-tools", "127.0.2.218", "OS_CODENAME=trixie");
        String which = "for c in kubeadm kubectl crictl docker dphys-swapfile lvs; do command -v $c || echo no $c; done";
        assertEquals("no kubeadm\nno kubectl\nno crictl\nno docker\nno dphys-swapfile\nno lvs\n", pi.sh(which).out(),
                "a fresh trixie Pi: no Kubernetes, no Docker, rpi-swap instead of dphys-swapfile, no lvm2");
        // this machine's own copies (its kubectl or docker, say) are hidden inside the Pi, and left alone outside
        List<Path> own = new ArrayList<>();
        for (String c : List.of("kubeadm", "kubelet", "kubectl", "crictl", "docker", "dphys-swapfile", "lvm", "lvs")) {
            for (String d : List.of("/usr/bin", "/usr/sbin", "/usr/local/bin")) {
                Path f = Path.of(d, c);
                if (Files.exists(f, LinkOption.NOFOLLOW_LINKS)) {
                    own.add(f);
                }
            }
        }
        for (Path f : own) {
            assertEquals(1, pi.sh("[ -e " + f + " ] || [ -L " + f + " ]").exit(), f + " of this machine shows inside the Pi");
        }

        var install = pi.sh(LabScripts.K8S_REPO + " && apt-get update >/dev/null && apt-get install -y kubeadm docker.io lvm2 >/dev/null");
        assertEquals(0, install.exit(), install.all());
        assertEquals("/usr/bin/kubeadm\nno kubectl\n/usr/bin/crictl\n/usr/bin/docker\nno dphys-swapfile\n/usr/sbin/lvs\n", pi.sh(which).out(),
                "kubeadm pulled cri-tools in; kubectl is a package of its own");
        var run = pi.sh("kubeadm version -o short && docker version 2>/dev/null | grep -m1 Version: && lvs && sudo -n lvcreate --bogus");
        assertEquals(3, run.exit(), "lvcreate runs as lvm2's and refuses the flag: " + run.all());
        assertTrue(run.out().startsWith("v1.30.14\n Version:           20.10.24\n"), "the lab's stand-ins answer, not this machine's: " + run.all());

        var remove = pi.sh("apt-get remove -y kubeadm docker.io >/dev/null && apt-get purge -y lvm2 >/dev/null");
        assertEquals(0, remove.exit(), remove.all());
        assertEquals("no kubeadm\nno kubectl\n/usr/bin/crictl\nno docker\nno dphys-swapfile\nno lvs\n", pi.sh(which).out(),
                "cri-tools stays, as apt keeps an automatically installed dependency until autoremove");
        for (Path f : own) {
            assertTrue(Files.exists(f, LinkOption.NOFOLLOW_LINKS), f + " is still this machine's");
        }
    }

    @Test
    void lvmToolsKeepVolumesInState() throws Exception {
        ScratchPi pi = ScratchPi.create("pi-lvm", "127.0.2.217");
        var r = pi.sh("apt-get install -y lvm2 >/dev/null && pvcreate /dev/sda2 && vgcreate data /dev/sda2"
                + " && lvcreate -n docker -l95%VG data && lvcreate -n dockermeta -l1%VG data"
                + " && lvconvert -y --zero n -c 512K --thinpool data/docker --poolmetadata data/dockermeta && lvs && vgs");
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("  Physical volume \"/dev/sda2\" successfully created."), r.out());
        assertTrue(r.out().contains("  Converted data/docker and data/dockermeta to thin pool."), r.out());
        assertTrue(r.out().matches("(?s).*\n  docker +data +twi-a-tz-- .*"), r.out());
        assertFalse(r.out().contains("dockermeta data"), r.out());
        var bad = pi.sh("lvcreate --bogus data");
        assertEquals(3, bad.exit());
    }
}
