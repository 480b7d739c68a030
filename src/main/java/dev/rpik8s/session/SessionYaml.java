package dev.rpik8s.session;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The session's files as YAML an operator can read: records as they are, Optional as a value or
 * nothing, times as ISO text. A key that is not known is an error naming the file and line,
 * never silently dropped (a typo in an answers file must not change what is done).
 */
final class SessionYaml {

    private static final ObjectMapper MAPPER = YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .build())
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // a derived isX() is not a fact to save (and would be refused when read back)
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            // "target: lab" as an operator would write it
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();

    private SessionYaml() {
    }

    static byte[] write(String header, Object value) {
        try {
            return (header + MAPPER.writeValueAsString(value)).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("session files hold plain records: " + e.getMessage(), e);
        }
    }

    static <T> T read(Path file, Class<T> type) throws SessionException {
        String text = "";
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
            return MAPPER.readValue(text, type);
        } catch (NoSuchFileException e) {
            throw new SessionException(file + ": no such file");
        } catch (UnrecognizedPropertyException e) {
            throw new SessionException(file + lineOf(text, e.getPropertyName()) + ": unknown key '" + e.getPropertyName()
                    + "'; the keys known there are " + e.getKnownPropertyIds() + ".");
        } catch (JsonProcessingException e) {
            throw new SessionException(where(file, at(e)) + e.getOriginalMessage());
        } catch (IOException e) {
            throw new SessionException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /**
     * The line of an unknown key (at a line's start, or inside a {flow: map}): Jackson reads a record's map
     * whole before it looks at the keys, and by then it no longer knows where they were.
     */
    private static String lineOf(String text, String key) {
        Matcher m = Pattern.compile("(^[ \\t-]*|[{,][ \\t]*)[\"']?" + Pattern.quote(key) + "[\"']?\\s*:", Pattern.MULTILINE).matcher(text);
        return m.find() ? ", line " + (text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1) : "";
    }

    /** Where the offending token starts (the exception's own location may be past it, on the next line). */
    private static JsonLocation at(JsonProcessingException e) {
        return e.getProcessor() instanceof JsonParser p ? p.currentTokenLocation() : e.getLocation();
    }

    private static String where(Path file, JsonLocation at) {
        return at == null || at.getLineNr() < 1 ? file + ": " : file + ", line " + at.getLineNr() + ": ";
    }
}
