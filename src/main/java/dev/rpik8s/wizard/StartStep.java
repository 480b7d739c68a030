package dev.rpik8s.wizard;

import dev.rpik8s.session.Session;
import dev.rpik8s.session.SessionSummary;
import dev.rpik8s.session.Target;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The start screen: resume a saved session (saying where it stopped) or start one. While no host of the
 * operator's own is known, the lab is offered first: everything can be tried on it before a real Pi.
 */
public final class StartStep {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    /**
     * One line to choose.
     *
     * @param detail     a second line: where it stopped, or what starting it means
     * @param newSession a new session: its name is asked, {@link #suggestedName} offered
     */
    public record Option(String label, String detail, Target target, String session, boolean newSession) {
    }

    private final boolean labOnly;
    private final List<SessionSummary> saved;
    private final Optional<String> labUnavailable;

    /**
     * @param labOnly        run with --lab: only sessions on the lab, and new ones there
     * @param labUnavailable why the lab cannot start on this machine (what to install), if it cannot
     */
    public StartStep(Path sessions, boolean labOnly, Optional<String> labUnavailable) throws IOException {
        this.labOnly = labOnly;
        this.labUnavailable = labUnavailable;
        this.saved = Session.list(sessions);
    }

    /** A line above the choices, for the first run ("no Pis of yours are known yet ..."). */
    public String greeting() {
        if (labOnly) {
            return "On the lab: virtual Pis on this machine; nothing here touches your network.";
        }
        return realHostsKnown() ? "Resume where you stopped, or start a new session."
                : "No Pi of yours is known yet. The lab has virtual Pis to try every step on first; nothing there touches your network.";
    }

    public List<Option> options() {
        List<Option> options = new ArrayList<>();
        for (SessionSummary s : saved) {
            if (s.target().isEmpty() || labOnly && s.target().get() != Target.LAB) {
                continue;
            }
            Target t = s.target().get();
            options.add(new Option("Resume " + s.name(), "on " + t.words() + " · " + s.whereItStopped() + " · "
                    + WHEN.format(s.lastChange()), t, s.name(), false));
        }
        Option lab = new Option("New session on the lab", "virtual Pis started on this machine, stopped when you quit",
                Target.LAB, suggestedName(Target.LAB), true);
        Option network = new Option("New session on your network", "find your Pis by address range and log in over SSH",
                Target.NETWORK, suggestedName(Target.NETWORK), true);
        if (labOnly) {
            options.add(lab);
        } else if (realHostsKnown()) {
            options.add(network);
            options.add(lab);
        } else {
            options.add(0, network);
            options.add(0, lab);
        }
        return options;
    }

    /** Sessions that cannot be read: listed apart, with why, so they are not silently skipped. */
    public List<String> unreadable() {
        return saved.stream().filter(s -> s.target().isEmpty())
                .map(s -> s.name() + ": " + s.whereItStopped()).toList();
    }

    /** "lab", else "lab-2", ...: a name no session has. */
    public String suggestedName(Target target) {
        String base = target == Target.LAB ? "lab" : "pis";
        Set<String> taken = saved.stream().map(SessionSummary::name).collect(Collectors.toSet());
        String name = base;
        for (int n = 2; taken.contains(name); n++) {
            name = base + "-" + n;
        }
        return name;
    }

    /** The choice of an option, with the name typed for a new session; or what is wrong with that name. */
    public Decision choose(Option option, String typedName) {
        if (option.target() == Target.LAB && labUnavailable.isPresent()) {
            return Decision.problem(labUnavailable.get());
        }
        if (!option.newSession()) {
            return Decision.of(new StartChoice(option.session(), option.target(), true));
        }
        String name = typedName.strip();
        Optional<String> bad = Session.badName(name);
        if (bad.isPresent()) {
            return Decision.problem(bad.get());
        }
        if (saved.stream().anyMatch(s -> s.name().equals(name))) {
            return Decision.problem("A session '" + name + "' exists already: resume it from the list, or choose another name.");
        }
        return Decision.of(new StartChoice(name, option.target(), false));
    }

    /** Either a choice or the message that says why there is none yet. */
    public record Decision(Optional<StartChoice> choice, String problem) {

        static Decision of(StartChoice c) {
            return new Decision(Optional.of(c), "");
        }

        static Decision problem(String why) {
            return new Decision(Optional.empty(), why);
        }
    }

    private boolean realHostsKnown() {
        return saved.stream().anyMatch(SessionSummary::realHosts);
    }
}
