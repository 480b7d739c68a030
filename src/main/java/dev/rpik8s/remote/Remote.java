package dev.rpik8s.remote;

/**
 * One host, as the layers above see it: run a command, put a file, get a file, reach a port
 * behind it. An implementation keeps one connection and reuses it for every call.
 */
public interface Remote extends AutoCloseable {

    Endpoint endpoint();

    /** Runs the command to its end; a non-zero exit is a result, not an exception. */
    ExecResult exec(CommandSpec spec) throws RemoteException;

    /**
     * Puts {@code content} at the absolute {@code path} with {@code mode} (e.g. 0644), atomically:
     * readers see the old file or the new one, never a part. Where the login user may not write,
     * the file is placed as root.
     */
    void upload(byte[] content, String path, int mode) throws RemoteException;

    /** The content of the file at the absolute {@code path}, read as root where the login user may not. */
    byte[] download(String path) throws RemoteException;

    /** Listens on a free port of 127.0.0.1 and carries each connection to {@code remoteHost:remotePort}, seen from the host. */
    Forward forward(int remotePort, String remoteHost) throws RemoteException;

    @Override
    void close();

    /** A local port leading to a port behind the host, until closed. */
    interface Forward extends AutoCloseable {

        int localPort();

        @Override
        void close();
    }
}
