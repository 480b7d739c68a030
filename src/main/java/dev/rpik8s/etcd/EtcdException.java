package dev.rpik8s.etcd;

/** etcd could not be asked, or refused: the message is etcd's own words, or what stood in the way. */
public class EtcdException extends Exception {

    public EtcdException(String message) {
        super(message);
    }

    public EtcdException(String message, Throwable cause) {
        super(message, cause);
    }
}
