package dev.rpik8s.remote;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * Drains one stream of a running command: keeps every character for the result, and hands each
 * complete line (redacted) to the sink as soon as it arrives. stdout and stderr each get their
 * own pump on their own thread, since a command blocked on a full stderr never finishes stdout.
 */
final class OutputPump implements Callable<String> {

    private final InputStream in;
    private final OutputSink.Stream stream;
    private final OutputSink sink;
    private final Redactor redactor;

    OutputPump(InputStream in, OutputSink.Stream stream, OutputSink sink, Redactor redactor) {
        this.in = in;
        this.stream = stream;
        this.sink = sink;
        this.redactor = redactor;
    }

    @Override
    public String call() throws IOException {
        StringBuilder all = new StringBuilder();
        StringBuilder line = new StringBuilder();
        char[] buf = new char[8192];
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            int n;
            while ((n = r.read(buf)) >= 0) {
                all.append(buf, 0, n);
                for (int i = 0; i < n; i++) {
                    char c = buf[i];
                    if (c == '\n') {
                        emit(line);
                    } else if (c != '\r') {
                        line.append(c);
                    }
                }
            }
        }
        if (line.length() > 0) {
            emit(line);
        }
        return all.toString();
    }

    private void emit(StringBuilder line) {
        sink.line(stream, redactor.redact(line.toString()));
        line.setLength(0);
    }
}
