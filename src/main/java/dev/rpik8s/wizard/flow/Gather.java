package dev.rpik8s.wizard.flow;

import java.util.List;

/**
 * Values a step's hosts need from another host, read there when the first of them needs its action (a join needs
 * the first master's CA hash). The command prints {@code key=value} lines; each key it {@code gives} becomes
 * {@code gathered.KEY} in the step's action and verification.
 *
 * @param from   the host it runs on: the first host of this target
 * @param script the command (its files are placed first, as an action's)
 * @param gives  the keys it must print, each once
 */
public record Gather(Target from, Script script, List<String> gives) {

    public Gather {
        gives = List.copyOf(gives);
    }
}
