package dev.rpik8s.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.server.session.ServerSessionAware;
import org.apache.sshd.server.shell.InvertedShell;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What MINA's {@code InvertedShellWrapper} does for a Pi's process (its {@code ProcessShell}: the process, the
 * environment, the terminal modes), with blocking reads instead of its pump, which polls every stream every
 * millisecond for as long as the command runs: with 16 commands at once that polling cost the lab as much CPU
 * as the SSH servers themselves. One pooled thread per stream blocks on its read, one waits for the exit.
 * The exit status goes once the process has ended and its output is at its end, as OpenSSH's sshd does; but a
 * background child that keeps the output open holds it up {@link #DRAIN} at most (sshd would wait for it, the
 * wrapper did not wait at all).
 */
final class BlockingShellWrapper implements Command, ServerSessionAware {

    private static final Logger LOG = LoggerFactory.getLogger(BlockingShellWrapper.class);
    /**
     * How long the exit status waits, once the process has ended, for the end of its output. Its output ends at
     * once unless a child holds it; a pump cannot be asked whether it holds bytes: the JDK's process streams lock
     * {@code available()} while a read blocks. So this is long enough that no busy machine delays a pump so much.
     */
    static final Duration DRAIN = Duration.ofSeconds(1);
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** Shared by every Pi: pumps block, so they need threads, but idle ones are reused, not made per command. */
    private static final ExecutorService PUMPS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "pi-pump-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private final InvertedShell shell;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback callback;

    BlockingShellWrapper(InvertedShell shell) {
        this.shell = shell;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.callback = callback;
    }

    @Override
    public void setSession(ServerSession session) {
        shell.setSession(session);
    }

    @Override
    public synchronized void start(ChannelSession channel, Environment env) throws IOException {
        shell.start(channel, env);
        OutputStream shellIn = shell.getInputStream();
        PUMPS.execute(() -> {
            try {
                copy(in, shellIn);
                shellIn.close();   // the client's EOF is the process's
            } catch (IOException e) {
                LOG.trace("stdin of {}: {}", shell, e.toString());   // the channel or the process went first
            }
        });
        CompletableFuture<Void> stdout = pump(shell.getOutputStream(), out, channel);
        CompletableFuture<Void> stderr = pump(shell.getErrorStream(), err, channel);
        PUMPS.execute(() -> {
            int status = shell.exitValue();   // blocks until the process ends
            try {
                CompletableFuture.allOf(stdout, stderr).get(DRAIN.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                LOG.debug("{}: exit {} sent while a child of it still holds its output", shell, status);
            } catch (ExecutionException e) {
                LOG.trace("{}: {}", shell, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            callback.onExit(status);
        });
    }

    /** Copies a stream of the process to the channel until its end; a failure to send ends the process. */
    private CompletableFuture<Void> pump(InputStream from, OutputStream to, ChannelSession channel) {
        return CompletableFuture.runAsync(() -> {
            try {
                copy(from, to);
            } catch (IOException e) {
                LOG.debug("{}: {}", shell, e.toString());
                try {
                    shell.destroy(channel);
                } catch (Exception again) {
                    LOG.debug("{}: {}", shell, again.toString());
                }
            }
        }, PUMPS);
    }

    private static void copy(InputStream from, OutputStream to) throws IOException {
        byte[] buffer = new byte[8192];
        for (int n; (n = from.read(buffer)) >= 0; ) {
            to.write(buffer, 0, n);
            to.flush();
        }
    }

    @Override
    public synchronized void destroy(ChannelSession channel) throws Exception {
        shell.destroy(channel);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + ": " + shell;
    }
}
