package dev.rpik8s.remote;

/** An absolute path on a host (never resolved locally: the operator's machine may not be Linux). */
record RemotePath(String path) {

    static RemotePath of(String path) {
        if (!path.startsWith("/") || path.endsWith("/") || path.contains("\0")) {
            throw new IllegalArgumentException("need an absolute path to a file on the host, not '" + path + "'");
        }
        return new RemotePath(path);
    }

    String dir() {
        int slash = path.lastIndexOf('/');
        return slash == 0 ? "/" : path.substring(0, slash);
    }

    String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** A hidden name next to this file: {@code /etc/x.conf} gives {@code /etc/.x.conf<suffix>}. */
    String sibling(String suffix) {
        return (dir().equals("/") ? "" : dir()) + "/." + name() + suffix;
    }
}
