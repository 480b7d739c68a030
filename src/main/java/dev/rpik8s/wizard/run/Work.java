package dev.rpik8s.wizard.run;

/** What a step does on a host between its check and its verification: its commands, or a named kind's Java. */
interface Work {

    void act(HostRun on) throws StepFailed, InterruptedException;
}
