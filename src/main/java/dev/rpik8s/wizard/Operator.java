package dev.rpik8s.wizard;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The person at the keyboard, as the wizard meets them: the full screen, the line prompts of --plain,
 * or an answers file. The wizard decides what comes next; an Operator only shows and asks.
 */
public interface Operator extends AutoCloseable {

    /** The start screen: the session to open, or empty when the operator quit. */
    Optional<StartChoice> start(StartStep step) throws Exception;

    /** Work the operator waits for (starting the lab), with {@code what} on screen meanwhile. */
    <T> T working(String what, Callable<T> work) throws Exception;

    /** The discovery step, until the operator leaves it: on to racks and roles, or out. */
    Leave discover(String title, DiscoveryStep step) throws Exception;

    /**
     * The cluster as it is, read before a flow grows it ({@link ClusterReading}): on to racks and roles with the plan
     * proposed (only when it can grow), back to discovery, or out.
     */
    Leave cluster(String title, ClusterCard card) throws Exception;

    /**
     * Which way the control plane grows (--flow grow), each explained: the flow chosen (the first way unless the
     * operator picks another), or empty when the operator quit.
     */
    Optional<String> way(String title, WaysToGrow ways) throws Exception;

    /**
     * Racks and roles, until the operator leaves: on to the settings (even while a finding blocks: the runtime and
     * version chosen there may clear it), or out.
     */
    Leave plan(String title, PlanStep step) throws Exception;

    /**
     * Runtime and cluster settings, until the operator leaves: on (nothing blocks), back to racks and roles (where
     * blocking findings can be overridden), or out.
     */
    Leave settings(String title, SettingsStep step) throws Exception;

    /**
     * The plan review before a flow runs: each step, and what it would do on each host, its files compared with what
     * the hosts have ({@link HostPrep#review()} reads them over SSH: slow work). On to the confirmation, back to the
     * settings, or out.
     */
    Leave review(String title, HostPrep prep) throws Exception;

    /**
     * A yes or no before a risky step ({@code what}: its name in an answers file's {@code confirmed} list);
     * no, or no answer, means nothing is done.
     */
    boolean confirm(String what, String question) throws Exception;

    /** A flow's run, each host's progress on screen, the failed ones asked about; on when it finished. */
    Leave run(String title, HostPrep prep) throws Exception;

    /**
     * A secret the SSH layer needs outside discovery (a key's passphrase, a login or sudo password), asked masked over
     * whatever screen is up, from any thread (the run's hosts, the review's reading); empty when cancelled, or when
     * nobody is there to type it (then the operator reads what is missing and how to do without it). The run's SSH
     * keeps the answer in memory only, for the rest of the run.
     */
    Optional<char[]> secret(SecretQuestion question);

    /** A message the operator reads and acknowledges before the wizard goes on. */
    void notice(String text) throws Exception;

    @Override
    void close() throws IOException;
}
