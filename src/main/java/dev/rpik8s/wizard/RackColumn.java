package dev.rpik8s.wizard;

import java.util.List;

/** One column of the board: a rack and its hosts. */
public record RackColumn(String rack, List<Card> cards) {
}
