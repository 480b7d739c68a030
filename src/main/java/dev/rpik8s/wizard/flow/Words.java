package dev.rpik8s.wizard.flow;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How the enums of a flow are written in YAML: ONE_AT_A_TIME is {@code one-at-a-time}. */
final class Words {

    private Words() {
    }

    static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String word) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> of(e).equals(word)).findFirst();
    }

    /** "none, reboot, disruptive or quorum", for messages. */
    static <E extends Enum<E>> String choices(Class<E> type) {
        return list(Arrays.stream(type.getEnumConstants()).map(Words::of).toList(), "or");
    }

    static String list(List<String> words, String last) {
        if (words.size() <= 1) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " " + last + " " + words.get(words.size() - 1);
    }
}
