package dev.rpik8s.wizard;

import dev.rpik8s.cluster.Finding;
import dev.rpik8s.cluster.HostFacts;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.cluster.Role;
import dev.rpik8s.cluster.Severity;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One host on the board as the operator reads it: its name, its roles in letters (M master, W worker, I infra,
 * L lb), what it is, and a mark when a finding is about it: "!!" blocks, "!" warns.
 */
public record Card(String address, String hostname, String roles, String summary, String mark) {

    static Card of(PlannedHost h, List<Finding> findings) {
        List<Finding> mine = findings.stream().filter(f -> f.host().filter(h.address()::equals).isPresent()).toList();
        String mark = mine.stream().anyMatch(Finding::blocks) ? "!!"
                : mine.stream().anyMatch(f -> f.severity() == Severity.WARNING || f.severity() == Severity.BLOCKING) ? "!" : "";
        String roles = h.roles().stream().map(Card::letter).sorted().collect(Collectors.joining());
        return new Card(h.address(), h.hostname(), roles.isEmpty() ? "-" : roles, h.facts().map(Card::summary).orElse("no facts"), mark);
    }

    private static String letter(Role r) {
        return switch (r) {
            case MASTER -> "M";
            case WORKER -> "W";
            case INFRA -> "I";
            case LB -> "L";
        };
    }

    /** "Pi 4B 8G nvme": model, memory, boot medium. */
    private static String summary(HostFacts f) {
        String model = f.board().map(b -> "Pi " + b.model()).orElse("not a Pi");
        int gb = Math.round(f.memTotalMb() / 1024f);
        String ram = f.memTotalMb() < 1536 ? f.memTotalMb() + "M" : gb + "G";
        String medium = switch (f.rootMedium()) {
            case SD_CARD -> "sd";
            case USB -> "usb";
            case NVME -> "nvme";
            case OTHER, UNKNOWN -> "";
        };
        return (model + " " + ram + " " + medium).strip();
    }

    /** The card in one line: mark, roles, name, what it is. */
    public String text() {
        return String.format("%-2s %-4s %s  %s", mark, roles, hostname, summary);
    }
}
