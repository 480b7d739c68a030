package dev.rpik8s.wizard.run;

/** The {@code etcd-snapshot} kind: a snapshot on etcd's leader, checked, copied into the session (see {@link Snapshots}). */
final class EtcdSnapshot implements Work {

    @Override
    public void act(HostRun on) throws StepFailed, InterruptedException {
        on.result(on.snapshots().take(on.stepId()).words());
    }
}
