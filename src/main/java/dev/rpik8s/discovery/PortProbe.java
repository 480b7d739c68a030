package dev.rpik8s.discovery;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * Knocks on one TCP port of many hosts at once, on a single thread (non-blocking connects on a
 * selector), with a bounded number in flight and a short timeout each: a /24 of mostly empty
 * addresses costs a few timeouts' worth of time, not 254 of them.
 */
public final class PortProbe {

    /** What knocking found. */
    public enum Answer { OPEN, REFUSED, NO_ROUTE, TIMEOUT, UNKNOWN_HOST }

    private final int port;
    private final int inFlight;
    private final Duration timeout;

    public PortProbe(int port, int inFlight, Duration timeout) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not a TCP port (1-65535)");
        }
        this.port = port;
        this.inFlight = Math.max(1, inFlight);
        this.timeout = timeout;
    }

    /**
     * Probes every host; {@code onAnswer} hears each one as soon as it is known (for a live table).
     * Returns every answer in the order the hosts were given.
     */
    public Map<String, Answer> probe(List<String> hosts, BiConsumer<String, Answer> onAnswer) throws IOException {
        return probe(hosts, UnaryOperator.identity(), onAnswer);
    }

    /** The same, knocking on {@code dial.apply(host)} for each host (where ~/.ssh/config sends a name), answered by host. */
    public Map<String, Answer> probe(List<String> hosts, UnaryOperator<String> dial, BiConsumer<String, Answer> onAnswer) throws IOException {
        Map<String, Answer> answers = new LinkedHashMap<>();
        hosts.forEach(h -> answers.put(h, null));
        Deque<String> waiting = new ArrayDeque<>(hosts);
        BiConsumer<String, Answer> record = (h, a) -> {
            answers.put(h, a);
            onAnswer.accept(h, a);
        };
        try (Selector selector = Selector.open()) {
            while (!waiting.isEmpty() || !selector.keys().isEmpty()) {
                while (selector.keys().size() < inFlight && !waiting.isEmpty()) {
                    start(waiting.poll(), dial, selector, record);
                }
                long now = System.nanoTime();
                long nextDeadline = selector.keys().stream().mapToLong(k -> ((Knock) k.attachment()).deadline)
                        .min().orElse(now);
                selector.select(Math.max(1, (nextDeadline - now) / 1_000_000));
                for (Iterator<SelectionKey> it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                    SelectionKey key = it.next();
                    it.remove();
                    finish(key, record);
                }
                expire(selector, record);
            }
        }
        return answers;
    }

    private record Knock(String host, long deadline) {
    }

    private void start(String host, UnaryOperator<String> dial, Selector selector, BiConsumer<String, Answer> record) throws IOException {
        InetAddress address;
        try {
            address = InetAddress.getByName(dial.apply(host));
        } catch (UnknownHostException e) {
            record.accept(host, Answer.UNKNOWN_HOST);
            return;
        }
        SocketChannel ch = SocketChannel.open();
        ch.configureBlocking(false);
        try {
            if (ch.connect(new InetSocketAddress(address, port))) {
                ch.close();
                record.accept(host, Answer.OPEN);
                return;
            }
        } catch (IOException e) {
            ch.close();
            record.accept(host, classify(e));
            return;
        }
        ch.register(selector, SelectionKey.OP_CONNECT, new Knock(host, System.nanoTime() + timeout.toNanos()));
    }

    private static void finish(SelectionKey key, BiConsumer<String, Answer> record) throws IOException {
        Knock knock = (Knock) key.attachment();
        SocketChannel ch = (SocketChannel) key.channel();
        Answer answer;
        try {
            answer = ch.finishConnect() ? Answer.OPEN : null;
        } catch (IOException e) {
            answer = classify(e);
        }
        if (answer != null) {
            key.cancel();
            ch.close();
            record.accept(knock.host, answer);
        }
    }

    private static void expire(Selector selector, BiConsumer<String, Answer> record) throws IOException {
        long now = System.nanoTime();
        for (SelectionKey key : List.copyOf(selector.keys())) {
            Knock knock = (Knock) key.attachment();
            if (key.isValid() && now >= knock.deadline) {
                key.cancel();
                key.channel().close();
                record.accept(knock.host, Answer.TIMEOUT);
            }
        }
        selector.selectNow();   // flush cancelled keys so keys().size() counts only live knocks
    }

    private static Answer classify(IOException e) {
        if (e instanceof ConnectException) {
            return Answer.REFUSED;
        }
        return e instanceof NoRouteToHostException ? Answer.NO_ROUTE : Answer.TIMEOUT;
    }
}
