package dev.rpik8s.wizard.run;

import dev.rpik8s.remote.ExecResult;
import java.util.List;

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

    /**
     * kubeadm and kubectl end every error with this line, which says nothing about the error: the line before it is
     * the one the operator needs.
     */
    private static final String KUBERNETES_TRAILER = "To see the stack trace of this error execute with --v=5 or higher";

    private static String lastLine(String text) {
        List<String> lines = text.strip().lines().map(String::strip).filter(l -> !l.equals(KUBERNETES_TRAILER)).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}
