package dev.rpik8s.plain;

import dev.rpik8s.wizard.ClusterCard;
import dev.rpik8s.wizard.Leave;
import dev.rpik8s.wizard.WaysToGrow;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.function.Function;

/** The cluster as it is, then the way it grows, as lines: the card or the ways printed, then one short answer. */
final class PlainCluster {

    private final PrintWriter out;
    private final Function<String, Optional<String>> ask;

    PlainCluster(PrintWriter out, Function<String, Optional<String>> ask) {
        this.out = out;
        this.ask = ask;
    }

    /** The card; enter goes on (back when it cannot grow), b back to discovery, q or the end of input quits. */
    Leave card(String title, ClusterCard card) {
        out.println("The cluster as it is · " + title);
        card.lines().forEach(out::println);
        out.flush();
        String keys = card.canGrow() ? "Enter goes on to racks and roles, b back to discovery, q quits: " : "Enter goes back to discovery, q quits: ";
        while (true) {
            Optional<String> typed = ask.apply(keys).map(String::strip);
            if (typed.isEmpty() || typed.get().equals("q")) {
                return Leave.QUIT;
            }
            if (typed.get().isEmpty()) {
                return card.canGrow() ? Leave.NEXT : Leave.BACK;
            }
            if (typed.get().equals("b")) {
                return Leave.BACK;
            }
        }
    }

    /** Each way numbered with what it does; enter takes the first, a number another, q or the end of input quits. */
    Optional<String> way(String title, WaysToGrow ways) {
        out.println("How the control plane grows · " + title);
        out.println(ways.question());
        for (int i = 0; i < ways.ways().size(); i++) {
            WaysToGrow.Way w = ways.ways().get(i);
            out.println((i + 1) + ". " + w.name());
            w.lines().forEach(l -> out.println("   " + l));
        }
        out.flush();
        while (true) {
            Optional<String> typed = ask.apply("Which way [1], q quits: ").map(String::strip);
            if (typed.isEmpty() || typed.get().equals("q")) {
                return Optional.empty();
            }
            if (typed.get().isEmpty()) {
                return Optional.of(ways.chosenUnlessAsked().flow());
            }
            if (typed.get().matches("\\d") && Integer.parseInt(typed.get()) >= 1 && Integer.parseInt(typed.get()) <= ways.ways().size()) {
                return Optional.of(ways.ways().get(Integer.parseInt(typed.get()) - 1).flow());
            }
        }
    }
}
