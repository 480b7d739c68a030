package dev.rpik8s.session;

/** What a session's hosts are: Pis on the operator's network, or the lab's virtual ones. */
public enum Target {
    NETWORK("your network"),
    LAB("the lab");

    private final String words;

    Target(String words) {
        this.words = words;
    }

    /** "the lab", for sentences on screen. */
    public String words() {
        return words;
    }
}
