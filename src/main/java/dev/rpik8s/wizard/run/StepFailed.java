package dev.rpik8s.wizard.run;

import dev.rpik8s.remote.ExecResult;

/** A step failed on a host; the message is the reason the operator reads and the journal keeps (masked there). */
final class StepFailed extends Exception {

    private static final long serialVersionUID = 1L;

    StepFailed(String reason) {
        super(reason);
    }

    /** "action exit 1: cat: /etc/x: No such file or directory": the last line the command wrote, stderr first. */
    static StepFailed of(String part, ExecResult r) {
        String line = lastLine(r.stderr());
        if (line.isEmpty()) {
            line = lastLine(r.stdout());
        }
        return new StepFailed(part + " exit " + r.exitStatus() + (line.isEmpty() ? "" : ": " + line));
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1].strip();
    }
}
