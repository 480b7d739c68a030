package dev.rpik8s.session;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a session's hosts are: Pis on the operator's network, or the lab's virtual ones. */
public enum Target {
    @JsonProperty("network") NETWORK("your network"),
    @JsonProperty("lab") LAB("the lab");

    private final String words;

    Target(String words) {
        this.words = words;
    }

    /** "the lab", for sentences on screen. */
    public String words() {
        return words;
    }
}
