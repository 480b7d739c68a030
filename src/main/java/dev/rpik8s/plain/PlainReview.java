package dev.rpik8s.plain;

import dev.rpik8s.wizard.FlowReview;
import dev.rpik8s.wizard.Leave;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.function.Function;

/** The plan review as lines: every step, host, command and file diff, then on to the confirmation, back, or out. */
final class PlainReview {

    private final FlowReview review;
    private final PrintWriter out;
    private final Function<String, Optional<String>> ask;

    /** @param ask prints a prompt and reads a line; empty at end of input */
    PlainReview(FlowReview review, PrintWriter out, Function<String, Optional<String>> ask) {
        this.review = review;
        this.out = out;
        this.ask = ask;
    }

    Leave run() {
        review.text().forEach(out::println);
        out.println(review.title() + ": nothing has been changed on any host.");
        out.flush();
        while (true) {
            Optional<String> answer = ask.apply("Enter goes on to the confirmation, b back to the settings, q quits: ");
            if (answer.isEmpty()) {
                return Leave.QUIT;
            }
            switch (answer.get().strip()) {
                case "", "c" -> {
                    return Leave.NEXT;
                }
                case "b" -> {
                    return Leave.BACK;
                }
                case "q" -> {
                    return Leave.QUIT;
                }
                default -> {
                    out.println("  '" + answer.get().strip() + "': enter, b or q.");
                    out.flush();
                }
            }
        }
    }
}
