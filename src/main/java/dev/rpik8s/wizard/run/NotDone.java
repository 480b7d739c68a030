package dev.rpik8s.wizard.run;

/**
 * The {@code not-done} kind: a note of the procedure a flow follows (the seed's manual way) that the flow does not do,
 * because it is wrong. It changes nothing; the host's result line says why, and the step is journalled DONE like any.
 */
final class NotDone implements Work {

    private final String because;

    NotDone(String because) {
        this.because = because;
    }

    @Override
    public void act(HostRun on) {
        on.result("not done, because " + because.replaceAll("\\s+", " "));
    }
}
