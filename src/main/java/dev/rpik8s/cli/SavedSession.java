package dev.rpik8s.cli;

import dev.rpik8s.session.Session;
import dev.rpik8s.session.SessionException;
import dev.rpik8s.session.SessionSummary;
import dev.rpik8s.session.StateDir;
import dev.rpik8s.session.Target;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

/** The session a command's --session names, as it was saved; never one made up by a typo. */
final class SavedSession {

    private SavedSession() {
    }

    /** @param usage the command line that names one, for the message when none is named ("rpik8s-tui plan --session NAME") */
    static Session open(StateDir state, String name, String usage) throws IOException {
        List<SessionSummary> sessions = Session.list(state.sessions());
        String planned = sessions.stream().filter(SessionSummary::planned).map(SessionSummary::name)
                .collect(Collectors.joining(", "));
        String which = planned.isEmpty() ? " No session has a plan yet: make one in the wizard (rpik8s-tui)."
                : " Sessions with a plan: " + planned + ".";
        if (name == null) {
            throw new OperatorError("Name the session: " + usage + "." + which, Cli.USAGE);
        }
        SessionSummary found = sessions.stream().filter(x -> x.name().equals(name)).findFirst()
                .orElseThrow(() -> new OperatorError("There is no session '" + name + "'." + which));
        Target target = found.target().orElseThrow(() -> new OperatorError("The session '" + name + "' " + found.whereItStopped() + "."));
        try {
            return Session.open(state.sessions(), name, target, Clock.systemUTC());
        } catch (SessionException e) {
            throw new OperatorError(e.getMessage());
        }
    }
}
