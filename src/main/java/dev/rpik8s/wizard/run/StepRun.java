package dev.rpik8s.wizard.run;

import dev.rpik8s.cluster.ClusterPlan;
import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.remote.Fleet;
import dev.rpik8s.wizard.flow.Step;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One step on its hosts, wave after wave in the step's order (see {@link Waves}); the hosts of a wave in parallel. */
final class StepRun {

    /**
     * No deadline of its own: each command has its timeout, and a host may wait on the operator's decision as long
     * as the operator takes.
     */
    private static final Duration NO_DEADLINE = Duration.ofDays(365);

    private final RunContext run;
    private final Fleet fleet;

    StepRun(RunContext run, int maxInFlight) {
        this.run = run;
        this.fleet = new Fleet(maxInFlight, NO_DEADLINE);
    }

    /** False when the operator stopped the run in this step. */
    boolean run(Step step, Work work, ClusterPlan plan) throws IOException, InterruptedException {
        List<PlannedHost> hosts = run.renderer().hostsOf(step);
        run.display().show(new RunEvent.StepStarted(run.clock().instant(), step, hosts));
        hosts.forEach(h -> run.display().show(new RunEvent.HostChanged(run.clock().instant(), step, h, HostState.WAITING,
                Optional.empty())));
        for (List<PlannedHost> wave : Waves.of(step.order(), hosts, plan)) {
            Map<String, PlannedHost> byAddress = wave.stream().collect(Collectors.toMap(PlannedHost::address,
                    Function.identity()));
            Map<String, Fleet.Outcome<HostRun.Outcome>> outcomes = fleet.run(wave.stream().map(PlannedHost::address).toList(),
                    address -> new HostRun(run, step, byAddress.get(address), work).run(), Fleet.Listener.NONE);
            for (Map.Entry<String, Fleet.Outcome<HostRun.Outcome>> o : outcomes.entrySet()) {
                if (!o.getValue().ok()) {
                    // the journal could not be written, or the like: going on would run without a record
                    throw new IOException(step.id() + " on " + o.getKey() + ": " + o.getValue().message());
                }
            }
            if (run.stopped()) {
                break;
            }
        }
        run.display().show(new RunEvent.StepFinished(run.clock().instant(), step, run.stopped()));
        return !run.stopped();
    }
}
