package dev.rpik8s.discovery;

import java.util.List;
import java.util.Set;

/**
 * The one question discovery asks: which of these new host keys to trust. All new keys come in one list
 * (one dialog on screen, one prompt in --plain, the answers file's pins headless).
 */
public interface KeyTrust {

    /** The keys the operator accepted; the others are refused (their hosts are not logged in to). */
    Set<NewHostKey> trust(List<NewHostKey> unknown);
}
