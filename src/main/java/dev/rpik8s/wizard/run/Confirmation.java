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
 * @param key    the step's name in an answers file: {@code FLOW/STEP}, one per step, whatever the host
 */
public record Confirmation(String flowId, Step step, PlannedHost host, DryRun.HostPlan change, List<String> notes,
        String phrase, String key) {

    public Confirmation {
        notes = List.copyOf(notes);
    }

    /** What the step can do, in words: "can lose the etcd quorum". */
    public String risk() {
        return step.risk().words();
    }
}
