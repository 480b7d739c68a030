package dev.rpik8s.wizard.run;

import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.wizard.flow.Step;
import java.util.List;

/**
 * Lines the typed confirmation of a step on a host shows beside what will change, from code that knows more than
 * the flow: the quorum math ("after this, 2 of 2 must be up until the next member starts"), the path of the etcd
 * snapshot taken before. Called on the host's thread, just before the question; it may read the cluster.
 */
@FunctionalInterface
public interface ConfirmationNotes {

    /** No lines: what a flow without such code shows. */
    ConfirmationNotes NONE = (step, host) -> List.of();

    List<String> notes(Step step, PlannedHost host);
}
