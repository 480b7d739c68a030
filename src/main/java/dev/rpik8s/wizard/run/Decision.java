package dev.rpik8s.wizard.run;

import java.util.Objects;

/**
 * What the operator chose for a host that failed: try it again (its check runs first), skip it for this step (with
 * their reason, kept in the journal), stop the run (hosts already running finish their current step), or, where the
 * step has one, roll the host back (asked again, with its own confirmation, before it runs; then this question again).
 */
public record Decision(Choice choice, String reason) {

    public enum Choice { RETRY, SKIP_HOST, STOP, ROLLBACK }

    public Decision {
        Objects.requireNonNull(choice, "choice");
        if (choice == Choice.SKIP_HOST && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("Skipping a host needs the operator's reason.");
        }
    }

    public static Decision retry() {
        return new Decision(Choice.RETRY, "");
    }

    public static Decision skipHost(String reason) {
        return new Decision(Choice.SKIP_HOST, reason);
    }

    public static Decision rollback() {
        return new Decision(Choice.ROLLBACK, "");
    }

    public static Decision stop() {
        return new Decision(Choice.STOP, "");
    }
}
