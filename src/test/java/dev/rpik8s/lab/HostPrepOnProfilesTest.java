package dev.rpik8s.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.advice.MemoryCgroup;
import dev.rpik8s.render.Templates;
import dev.rpik8s.testsupport.Shellcheck;
import dev.rpik8s.wizard.flow.FileToPlace;
import dev.rpik8s.wizard.flow.Flow;
import dev.rpik8s.wizard.flow.FlowLoader;
import dev.rpik8s.wizard.flow.Script;
import dev.rpik8s.wizard.flow.Step;
import dev.rpik8s.wizard.flow.StepKinds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The deploy flow's host-prep steps (cmdline-cgroups, swap-off, kernel-modules, sysctl) on a Pi of every lab profile:
 * each template rendered with that Pi's values (the cmdline words MemoryCgroup chooses for its kernel), run for real
 * in the Pi's own files with the lab's stand-ins as a runner would (check, then files and action, then verify), and
 * the Pi's files asserted afterwards, after a second run (which finds nothing to do and changes no byte) and after a
 * reboot.
 */
class HostPrepOnProfilesTest {

    /**
     * The steps of deploy.yaml run here, in flow order (upgrade as when the settings ask for it); hostname is
     * HostPrepTemplatesTest's, the reboots are Java's.
     */
    private static final List<String> STEPS = List.of("upgrade", "cmdline-cgroups", "gpu-mem", "swap-off", "kernel-modules", "sysctl", "time-sync");

    private static final String DROPIN = "etc/rpi/swap.conf.d/99-rpik8s-swap-off.conf";

    static Stream<Profile> profiles() {
        return Profile.all().stream();
    }

    private static int counter;

    private static synchronized ScratchPi pi(Profile p) throws IOException {
        counter++;
        PiSpec spec = new PiSpec("pi-prep-" + counter, 7, "127.0.2." + (150 + counter), p);
        Path root = Paths.get("target", "pi-profiles", p.name() + "-prep-" + System.nanoTime()).toAbsolutePath().resolve("root");
        Files.createDirectories(root.getParent());
        assertTrue(PiRoot.create(root, spec), "a new root is written");
        return ScratchPi.existing(spec, root);
    }

    private static Map<String, Object> values(Profile p) {
        return Map.of("host", Map.of("cgroupWords", MemoryCgroup.cmdlineWordsFor(p.kernelRelease())));
    }

    private static Flow deploy() throws Exception {
        return new FlowLoader(StepKinds.standard(), FlowLoader.bundledTemplates(), Optional.empty()).load("deploy");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void hostPrepLeavesThePiReadyAndASecondRunChangesNothing(Profile p) throws Exception {
        ScratchPi pi = pi(p);
        Path root = pi.root();
        Map<String, Object> values = values(p);
        List<String> words = MemoryCgroup.cmdlineWordsFor(p.kernelRelease());
        Path cmdline = root.resolve(p.cmdlinePath().substring(1));
        String before = Files.readString(cmdline);
        List<String> beforeTokens = List.of(before.strip().split(" "));
        Flow flow = deploy();

        // before: swap is on everywhere; the cmdline check fails exactly where a word is missing
        assertEquals(1, pi.sh(script(flow, "swap-off", Step::check, values)).exit(), "swap is on at first");
        assertEquals(beforeTokens.containsAll(words) ? 0 : 1, pi.sh(script(flow, "cmdline-cgroups", Step::check, values)).exit());

        for (String id : STEPS) {
            Step step = flow.step(id).orElseThrow();
            ScratchPi.Result check = pi.sh(script(flow, id, Step::check, values));
            if (check.exit() == 0) {
                continue;
            }
            Script action = step.action().orElseThrow();
            place(pi, action, values);
            if (action.hasCommand()) {
                ScratchPi.Result done = pi.sh(script(flow, id, Step::action, values));
                assertEquals(0, done.exit(), id + ": " + done.all());
            }
            ScratchPi.Result verify = pi.sh(script(flow, id, Step::verify, values));
            assertEquals(0, verify.exit(), id + " verified: " + verify.all());
        }

        // cmdline.txt: the one line as it was, the missing words appended once, so they are its last words
        String after = Files.readString(cmdline);
        assertTrue(after.endsWith("\n") && after.indexOf('\n') == after.length() - 1, "one line: " + after);
        List<String> tokens = List.of(after.strip().split(" "));
        assertEquals(beforeTokens, tokens.subList(0, beforeTokens.size()), "the line is kept, words only appended");
        for (String w : words) {
            assertEquals(1, Collections.frequency(tokens, w), w + " once in " + after);
        }
        assertEquals(new HashSet<>(words), new HashSet<>(tokens.subList(tokens.size() - words.size(), tokens.size())),
                "the words end the line: " + after);
        assertEquals(beforeTokens.containsAll(words), before.equals(after), "changed only where a word was missing");

        assertHostPrepped(pi, p);

        // a second run of everything: every check says done, every action says unchanged, no byte changes
        Map<String, String> files = snapshot(root);
        for (String id : STEPS) {
            assertEquals(0, pi.sh(script(flow, id, Step::check, values)).exit(), id + " is done");
            if (id.equals("upgrade")) {
                continue;   // run again it would upgrade again (and date its note anew): its check is what says it is done
            }
            Script action = flow.step(id).orElseThrow().action().orElseThrow();
            place(pi, action, values);
            if (action.hasCommand()) {
                ScratchPi.Result again = pi.sh(script(flow, id, Step::action, values));
                assertEquals(0, again.exit(), id + ": " + again.all());
                if (action.template().isPresent()) {
                    assertTrue(again.out().startsWith("unchanged"), id + " the second time: " + again.out());
                }
            }
        }
        assertEquals(files, snapshot(root), "the second run changed a file");

        // a reboot: what was made to last, lasts; the memory cgroup is what the profile's kernel says
        assertEquals(0, pi.sh("lab-boot").exit());
        assertHostPrepped(pi, p);
        for (String id : STEPS) {
            assertEquals(0, pi.sh(script(flow, id, Step::check, values)).exit(), id + " is still done after a reboot");
        }
        ScratchPi.Result live = pi.sh(render("host-prep/cgroups-live.sh", values));
        assertEquals(p.memoryController() ? 0 : 1, live.exit(), live.all());
    }

    /** The runtime steps of deploy.yaml, in flow order; each has a check, an action and a verification. */
    private static final List<String> RUNTIME_STEPS = List.of("runtime-repositories", "runtime-packages", "containerd-config",
            "crio-config", "docker-config", "cri-dockerd", "runtime-ready");

    /**
     * The runtime half of deploy on a Pi, with the plan's runtime and cgroup driver (and a proxy and two insecure
     * registries): repositories with their own keys, packages, the runtime's files, crictl answered; a second run
     * finds everything done and changes no byte.
     */
    @ParameterizedTest(name = "{0} with {1}, {2} driver")
    @CsvSource({"pi4-8g, cri-o, systemd", "pi3b, docker, cgroupfs", "pi5-8g, containerd, cgroupfs", "cm4, docker, systemd"})
    void theRuntimeIsInstalledConfiguredAndAnswersCrictl(String profile, String runtime, String driver) throws Exception {
        Profile p = Profile.named(profile);
        ScratchPi pi = pi(p);
        Map<String, Object> values = deployValues(p, runtime, driver);
        Flow flow = deploy();
        List<String> steps = RUNTIME_STEPS.stream().filter(id -> holds(flow, id, values)).toList();
        for (String id : steps) {
            Step step = flow.step(id).orElseThrow();
            assertEquals(1, pi.sh(script(flow, id, Step::check, values)).exit(), id + " is not done on a fresh Pi");
            place(pi, step.action().orElseThrow(), values);
            if (step.action().orElseThrow().hasCommand()) {
                ScratchPi.Result done = pi.sh(script(flow, id, Step::action, values));
                assertEquals(0, done.exit(), id + ": " + done.all());
            }
            ScratchPi.Result verify = pi.sh(script(flow, id, Step::verify, values));
            assertEquals(0, verify.exit(), id + " verified: " + verify.all());
        }
        Path root = pi.root();
        String repo = Files.readString(root.resolve("etc/apt/sources.list.d/" + (runtime.equals("cri-o") ? "cri-o" : "docker") + ".list"));
        switch (runtime) {
            case "cri-o" -> {
                assertEquals("deb [signed-by=/etc/apt/keyrings/cri-o.asc] https://download.opensuse.org/repositories/isv:/cri-o:/stable:/v1.35/deb/ /\n", repo);
                assertTrue(Files.readString(root.resolve("etc/crio/crio.conf.d/20-rpik8s.conf")).contains("cgroup_manager = \"" + driver + "\""));
                assertTrue(Files.readString(root.resolve("etc/containers/registries.conf.d/50-rpik8s.conf")).contains("location = \"10.0.0.5:5000\""));
            }
            case "docker" -> {
                String os = p.debArch().equals("armhf") ? "raspbian" : "debian";
                assertEquals("deb [arch=" + p.debArch() + " signed-by=/etc/apt/keyrings/docker.asc] https://download.docker.com/linux/" + os + " "
                        + p.osCodename() + " stable\n", repo);
                assertEquals(driver + "\n", pi.sh("docker info --format '{{.CgroupDriver}}'").out());
                assertEquals("cri-dockerd 0.3.21 (lab)\n", pi.sh("/usr/local/bin/cri-dockerd --version").out());
                assertEquals("active\nactive\n", pi.sh("systemctl is-active cri-docker.socket cri-docker").out());
            }
            default -> {
                assertTrue(Files.readString(root.resolve("etc/containerd/config.toml")).contains("SystemdCgroup = " + driver.equals("systemd")));
                assertTrue(Files.readString(root.resolve("etc/containerd/certs.d/registry.lan:5000/hosts.toml")).contains("server = \"http://registry.lan:5000\""));
            }
        }
        String unit = Map.of("cri-o", "crio", "docker", "docker", "containerd", "containerd").get(runtime);
        assertTrue(Files.readString(root.resolve("etc/systemd/system/" + unit + ".service.d/http-proxy.conf"))
                .contains("Environment=\"HTTPS_PROXY=http://proxy.lan:3128\""));
        assertEquals("Acquire::http::Proxy \"http://proxy.lan:3128\";\nAcquire::https::Proxy \"http://proxy.lan:3128\";\n",
                Files.readString(root.resolve("etc/apt/apt.conf.d/80rpik8s-proxy")));
        assertEquals(0, pi.sh("crictl info | tr -d ' \\n' | grep -q '\"type\":\"RuntimeReady\",\"status\":true'").exit());

        Map<String, String> files = snapshot(root);
        for (String id : steps) {
            ScratchPi.Result again = pi.sh(script(flow, id, Step::check, values));
            assertEquals(0, again.exit(), id + " is done the second time: " + again.all());
        }
        assertEquals(files, snapshot(root), "the second run changed a file");
    }

    @org.junit.jupiter.api.Test
    void criOIsRefusedOnA32BitUserlandWithWhatToDo() throws Exception {
        Profile p = Profile.named("pi3b");
        ScratchPi pi = pi(p);
        ScratchPi.Result r = pi.sh(script(deploy(), "runtime-repositories", Step::action, deployValues(p, "cri-o", "systemd")));
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("cri-o has no packages for a armhf userland: choose containerd, or put Raspberry Pi OS 64-bit"), r.err());
        assertFalse(Files.exists(pi.root().resolve("etc/apt/sources.list.d/kubernetes.list")), "nothing added");
    }

    private static boolean holds(Flow flow, String id, Map<String, Object> values) {
        Step step = flow.step(id).orElseThrow();
        try {
            return step.when().isEmpty() || Templates.bundled().holds(id, step.when().get(), values);
        } catch (Exception e) {
            throw new AssertionError(id + ": " + e.getMessage(), e);
        }
    }

    /** Swap off and kept off by the stand-ins' state; the modules and sysctls loaded and in their files. */
    private static void assertHostPrepped(ScratchPi pi, Profile p) throws IOException {
        Path root = pi.root();
        assertEquals(1, Files.readAllLines(root.resolve("proc/swaps")).size(), "no swap: /proc/swaps is its header");
        if (p.swap() == Profile.Swap.DPHYS) {
            assertTrue(Files.readString(root.resolve("var/lib/rpik8s-lab/units/dphys-swapfile")).contains("enabled=disabled\n"));
            assertFalse(Files.exists(root.resolve("var/lib/rpik8s-lab/swapsize-kib")), "dphys-swapfile uninstall removed the file");
        } else {
            assertTrue(Files.readAllLines(root.resolve(DROPIN)).contains("Mechanism=none"), "rpi-swap told no swap");
        }
        assertEquals(List.of("overlay", "br_netfilter"), Files.readAllLines(root.resolve("etc/modules-load.d/k8s.conf")).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank()).toList());
        assertTrue(Files.readString(root.resolve("etc/sysctl.d/99-kubernetes.conf")).contains("\nnet.ipv4.ip_forward = 1\n"));
        ScratchPi.Result now = pi.sh("lsmod | awk 'NR > 1 {print $1}' | sort; sysctl -n net.ipv4.ip_forward "
                + "net.bridge.bridge-nf-call-iptables net.bridge.bridge-nf-call-ip6tables");
        assertEquals("br_netfilter\noverlay\n1\n1\n1\n", now.out(), now.all());
    }

    /**
     * Every script of the deploy flow (host-prep/ and runtime/), rendered with that Pi's values for each runtime and
     * cgroup driver, with a proxy and an insecure registry, is clean under shellcheck.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void everyDeployScriptRenderedForTheProfileIsCleanUnderShellcheck(Profile p) throws Exception {
        List<String> scripts = new ArrayList<>();
        for (String dir : List.of("host-prep", "runtime")) {
            try (var files = Files.list(Paths.get("src/main/resources/templates", dir))) {
                files.map(f -> dir + "/" + f.getFileName()).filter(n -> n.endsWith(".sh")).sorted().forEach(scripts::add);
            }
        }
        assertTrue(scripts.size() >= 20, scripts.toString());
        Map<String, String> rendered = new LinkedHashMap<>();
        for (String runtime : List.of("containerd", "cri-o", "docker")) {
            for (String driver : List.of("systemd", "cgroupfs")) {
                Map<String, Object> values = deployValues(p, runtime, driver);
                for (String name : scripts) {
                    rendered.put(name + " for " + p.name() + ", " + runtime + ", " + driver, render(name, values));
                }
            }
        }
        Shellcheck.assertAllClean(rendered);
    }

    /** The values the runner gives a Pi of this profile (its OS, release and userland) in a plan with this runtime. */
    static Map<String, Object> deployValues(Profile p, String runtime, String driver) {
        String osId = p.osRelease().lines().filter(l -> l.startsWith("ID=")).map(l -> l.substring(3)).findFirst().orElse("debian");
        Map<String, Object> host = Map.of("cgroupWords", MemoryCgroup.cmdlineWordsFor(p.kernelRelease()), "hostname", "pi-" + p.name(),
                "osId", osId, "osCodename", p.osCodename(), "debArch", p.debArch());
        Map<String, Object> cluster = Map.of("kubernetesMinor", "1.35", "kubernetesRepository", "https://pkgs.k8s.io/core:/stable:/v1.35/deb/",
                "criDockerd", true, "runtime", runtime, "cgroupDriver", driver,
                "proxy", Map.of("http", "http://proxy.lan:3128", "https", "http://proxy.lan:3128", "noProxy", "localhost,10.0.0.0/8"),
                "insecureRegistries", List.of("registry.lan:5000", "10.0.0.5:5000"), "upgradePackages", true);
        return Map.of("host", host, "cluster", cluster);
    }

    /** The command text of a step's check, action or verification, rendered as the runner will. */
    private static String script(Flow flow, String id, Function<Step, Optional<Script>> part, Map<String, Object> values) throws Exception {
        Script s = part.apply(flow.step(id).orElseThrow()).orElseThrow(() -> new AssertionError(id + " has no such part"));
        if (s.template().isPresent()) {
            return render(s.template().get(), values);
        }
        String run = s.run().orElseThrow();
        assertFalse(run.contains("{{"), id + ": a command with values is not run here: " + run);
        return run;
    }

    /** Places an action's files as the runner will: rendered, with their mode, their directory made if missing. */
    private static void place(ScratchPi pi, Script action, Map<String, Object> values) throws Exception {
        for (FileToPlace f : action.files()) {
            ScratchPi.Result r = pi.sh("install -D -m " + f.mode() + " /dev/stdin " + f.to(), render(f.template(), values));
            assertEquals(0, r.exit(), f.to() + ": " + r.all());
        }
    }

    private static String render(String template, Map<String, Object> values) throws Exception {
        return Templates.bundled().render(template, values).text();
    }

    /** Every regular file under the Pi's root, by path: a digest of its bytes, and its mode. */
    private static Map<String, String> snapshot(Path root) throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (var files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                m.put(root.relativize(f).toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))) + " "
                        + Files.getPosixFilePermissions(f));
            }
        }
        return m;
    }
}
