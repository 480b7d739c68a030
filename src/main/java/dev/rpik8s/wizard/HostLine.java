package dev.rpik8s.wizard;

import dev.rpik8s.cluster.HostFacts;
import dev.rpik8s.cluster.Presence;
import dev.rpik8s.cluster.DiscoveredHost;
import dev.rpik8s.cluster.Sighting;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One row of the discovery table as the operator reads it: short columns, the status in words, and every
 * fact for the details view. Made from discovery's typed row; screens only lay the strings out.
 *
 * @param ok       fingerprinted: the host can go on to the plan
 * @param warning  a fact the plan will have to deal with (32-bit userland, memory cgroup off, no CFS bandwidth);
 *                 swap is not one: host preparation turns it off everywhere
 */
public record HostLine(String address, String hostname, String model, String ram, String arch, String os, String cgroups,
        String status, boolean ok, boolean warning, List<String> details) {

    public static HostLine of(DiscoveredHost row) {
        String status = switch (row.stage()) {
            case PROBING -> "probing";
            case NO_SSH -> "no SSH";
            case UNREACHABLE -> "unreachable";
            case KEY_NEW -> "asking";
            case KEY_REFUSED -> "key not trusted";
            case KEY_CHANGED -> "KEY CHANGED";
            case LOGGING_IN -> "logging in";
            case AUTH_FAILED -> "login failed";
            case FAILED -> "failed";
            case FINGERPRINTED -> row.facts().map(f -> f.raspberryPi() ? "ok" : "ok (not a Pi)").orElse("ok");
        };
        String where = row.port() == 22 ? row.address() : row.address() + ":" + row.port();
        if (row.facts().isEmpty()) {
            List<String> details = new ArrayList<>(List.of("address   " + where, "status    " + status));
            if (!row.problem().isEmpty()) {
                details.add("problem   " + row.problem());
            }
            row.hostKey().ifPresent(k -> details.add("host key  " + k));
            row.seen().ifPresent(seen -> details.add("seen      " + seen(seen)));
            String shown = row.problem().isEmpty() ? status : status + ": " + row.problem();
            // before any login, a Raspberry Pi MAC is all that says what the host is
            String model = row.seen().filter(Sighting::raspberryPi).map(seen -> "Pi by MAC").orElse("");
            return new HostLine(where, "", model, "", "", "", "", shown, false, false, List.copyOf(details));
        }
        HostFacts f = row.facts().get();
        String model = f.board().map(b -> "Pi " + b.model()).orElse(f.model().isEmpty() ? "not a Pi" : f.model());
        String ram = f.memTotalMb() >= 1000 ? Math.round(f.memTotalMb() / 1024.0) + " GB" : f.memTotalMb() + " MB";
        boolean split = !userlandMatches(f);
        String arch = f.kernelArch() + "/" + f.userlandArch() + (split ? "!" : "");
        String os = (f.os().codename().isEmpty() ? f.os().id() : f.os().codename()) + " " + f.os().versionId();
        String cgroups = switch (f.cgroupVersion()) {
            case V1 -> "v1";
            case V2 -> "v2";
            case UNKNOWN -> "?";
        } + (f.memoryController() == Presence.PRESENT ? "" : " mem off") + (f.cfsBandwidth() == Presence.ABSENT ? " no-cfs" : "");
        boolean warning = split || f.userlandBits() == 32 || f.memoryController() != Presence.PRESENT
                || f.cfsBandwidth() == Presence.ABSENT;
        return new HostLine(where, f.hostname(), model, ram, arch, os.strip(), cgroups, status, true, warning, details(where, row, f));
    }

    /** A 64-bit kernel under a 32-bit userland: packages follow the userland (dpkg), not uname. */
    private static boolean userlandMatches(HostFacts f) {
        boolean kernel64 = f.kernelArch().equals("aarch64");
        boolean user64 = f.userlandArch().equals("arm64") || f.userlandArch().equals("amd64");
        return kernel64 == user64 || f.userlandArch().isEmpty();
    }

    private static List<String> details(String where, DiscoveredHost row, HostFacts f) {
        List<String> d = new ArrayList<>();
        d.add("address      " + where + "   hostname " + f.hostname() + "   MAC " + f.mac()
                + (f.macInterface().isEmpty() ? "" : " (" + f.macInterface() + ")"));
        d.add("model        " + f.model() + f.board().map(b -> "  (" + b.soc() + ", " + b.ramMb() + " MB)").orElse("  (not a Raspberry Pi)"));
        d.add("kernel       " + f.kernelRelease() + " " + f.kernelArch() + ", page size " + f.pageSize() + ", " + f.cpuCount() + " CPUs");
        d.add("userland     " + f.userlandArch() + " (" + f.userlandBits() + "-bit)" + (userlandMatches(f) ? "" : "  32-bit userland on a 64-bit kernel"));
        d.add("OS           " + f.os().prettyName());
        d.add("memory       " + f.memTotalMb() + " MB");
        d.add("cgroups      " + f.cgroupVersion().name().toLowerCase(Locale.ROOT) + ", memory controller "
                + word(f.memoryController()) + ", CFS bandwidth " + word(f.cfsBandwidth()));
        if (!f.cgroupV1Enabled().isEmpty() || !f.cgroupV1Disabled().isEmpty()) {
            d.add("             /proc/cgroups enabled: " + names(f.cgroupV1Enabled()) + "; disabled: " + names(f.cgroupV1Disabled()));
        }
        d.add("swap         " + f.swap().name().toLowerCase(Locale.ROOT).replace('_', '-')
                + (f.swapDevices().isEmpty() ? "" : " " + String.join(",", f.swapDevices())));
        d.add("cmdline.txt  " + (f.cmdlinePath().isEmpty() ? "(not found)" : f.cmdlinePath()));
        if (!f.cmdline().isEmpty()) {
            d.add("             " + f.cmdline());
        }
        d.add("root         " + f.rootSource() + " (" + medium(f.rootMedium()) + "), free "
                + f.rootFreeKb() / 1024 + " MB; /var free " + f.varFreeKb() / 1024 + " MB");
        d.add("boot         " + (f.bootSource().isEmpty() ? "no partition of its own" : f.bootSource() + " (" + medium(f.bootMedium()) + ")"));
        d.add("time synced  " + word(f.timeSynced()));
        d.add("installed    " + (f.installed().isEmpty() ? "none of kubeadm, kubelet, containerd, docker, cri-o" : String.join(", ", f.installed())));
        d.add("cluster      " + (f.alreadyInACluster() ? "already in one: " + String.join(", ", f.kubeconfigs()) : "none"));
        row.hostKey().ifPresent(k -> d.add("host key     " + k));
        row.seen().ifPresent(seen -> d.add("seen         " + seen(seen)));
        if (!f.unreadable().isEmpty()) {
            d.add("unreadable   " + String.join("; ", f.unreadable()));
        }
        return List.copyOf(d);
    }

    private static String medium(HostFacts.StorageMedium m) {
        return m.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String names(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    /** "mDNS as raspberrypi.local and the ARP table; MAC 2c:cf:67:46:a2:eb, a Raspberry Pi's". */
    static String seen(Sighting s) {
        List<String> via = s.via().stream().map(v -> switch (v) {
            case MDNS -> "mDNS" + (s.name().isEmpty() ? "" : " as " + s.name());
            case NEIGHBOURS -> "the ARP table";
        }).toList();
        String mac = s.mac().isEmpty() ? "no MAC given" : "MAC " + s.mac() + (s.raspberryPi() ? ", a Raspberry Pi's" : ", not a Raspberry Pi prefix");
        return String.join(" and ", via) + "; " + mac;
    }

    private static String word(Presence p) {
        return switch (p) {
            case PRESENT -> "yes";
            case ABSENT -> "no";
            case UNKNOWN -> "unknown";
        };
    }

    /** The host's status settled on something worth a line (probing, asking and logging in are on the way). */
    public boolean settled() {
        return !status.startsWith("probing") && !status.equals("logging in") && !status.startsWith("asking");
    }

    /** The row as one line of text, columns aligned (for --plain and for runs from an answers file). */
    public String text() {
        return ok ? String.format("  %-15s %-12s %-8s %-6s %-14s %-12s %-18s %s", address, hostname, model, ram, arch, os,
                cgroups, (warning ? "! " : "") + status)
                : String.format("  %-15s %s", address, status);
    }
}
