package dev.rpik8s.wizard.run;

import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.wizard.flow.Step;
import java.util.List;

/**
 * A typed confirmation, asked before a risky step changes a host (a flow with {@code confirm: typed}; a
 * disruptive or quorum step whose check said the host needs it). The operator goes on by typing {@code phrase},
 * the cluster's name; an answers file goes on only when its {@code confirmed:} list names {@code key}.
 *
 * @param change what the step's action will do there: the files it places, each with its diff against what the
 *               host has now, and its command (as a plan shows them; gathered values as placeholders)
 * @param notes  what the step's {@link ConfirmationNotes} add: the quorum math, the snapshot's path
 * @param key    the step's name in an answers file: {@code FLOW/STEP}, one per step, whatever the host; a rollback's
 *               is {@code FLOW/STEP/rollback}
 * @param rollback whether this confirms the step's rollback on the host, after it failed there, rather than the step
 */
public record Confirmation(String flowId, Step step, PlannedHost host, DryRun.HostPlan change, List<String> notes,
        String phrase, String key, boolean rollback) {

    public Confirmation {
        notes = List.copyOf(notes);
    }

    /** The step's own confirmation, before it runs on the host. */
    public Confirmation(String flowId, Step step, PlannedHost host, DryRun.HostPlan change, List<String> notes,
            String phrase, String key) {
        this(flowId, step, host, change, notes, phrase, key, false);
    }

    /** What the step can do, in words: "can lose the etcd quorum". */
    public String risk() {
        return step.risk().words();
    }
}
