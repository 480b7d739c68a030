package dev.rpik8s.testsupport;

import dev.rpik8s.render.Templates;
import dev.rpik8s.wizard.flow.FileToPlace;
import dev.rpik8s.wizard.flow.Flow;
import dev.rpik8s.wizard.flow.HostGroup;
import dev.rpik8s.wizard.flow.HostOrder;
import dev.rpik8s.wizard.flow.Risk;
import dev.rpik8s.wizard.flow.Script;
import dev.rpik8s.wizard.flow.Step;
import dev.rpik8s.wizard.flow.Targets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small flow for the plan review's screens, on the Pis of {@link PlannedPis} with the board's suggestion (raspberrypi
 * the master, pi-22 to pi-25 workers): a file placed on every host, then the workers rebooted. In memory, raspberrypi
 * has the file with one module the flow replaces, pi-25 cannot be reached, the others do not have it.
 */
public final class ReviewSample {

    public static final String MODULES = "/etc/modules-load.d/k8s.conf";

    private ReviewSample() {
    }

    public static Templates templates(Path wizards) throws IOException {
        Files.createDirectories(wizards.resolve("templates/sample"));
        Files.writeString(wizards.resolve("templates/sample/modules.conf"), "# Written by rpik8s-tui\noverlay\nbr_netfilter\n");
        return Templates.overriddenBy(wizards);
    }

    public static Flow flow() {
        Step modules = new Step("modules", "Load overlay and br_netfilter", "Both are loaded now, and at every boot.", Targets.of(HostGroup.ALL), Optional.empty(),
                Optional.of(Script.run("test -f " + MODULES)),
                Optional.of(Script.run("modprobe overlay && modprobe br_netfilter").placing(new FileToPlace("sample/modules.conf", MODULES, "0644"))),
                Optional.empty(), Risk.NONE, HostOrder.PARALLEL, Optional.empty(), Map.of());
        Step reboot = new Step("reboot", "Reboot the workers that need it", "One rack at a time.", Targets.of(HostGroup.WORKERS), Optional.empty(),
                Optional.of(Script.run("grep -qw memory /sys/fs/cgroup/cgroup.controllers")), Optional.empty(), Optional.empty(),
                Risk.REBOOT, HostOrder.RACK_BY_RACK, Optional.of("reboot"), Map.of("timeout", "5m"));
        return new Flow("sample", "Prepare the hosts", List.of(modules, reboot));
    }

    public static FilesOnHosts hosts() {
        return new FilesOnHosts().file("10.0.0.21", MODULES, "# Written by rpik8s-tui\noverlay\nnf_conntrack\n")
                .unreachable("10.0.0.25", "cannot reach pi@10.0.0.25:22: No route to host");
    }
}
