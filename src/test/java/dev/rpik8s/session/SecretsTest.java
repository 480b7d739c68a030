package dev.rpik8s.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void masksEverySecretWholeAndIgnoresAnEmptyOne() {
        Secrets secrets = Secrets.of(List.of("tok", "tok.en-long", ""));
        assertEquals("join ******** and ******** done", secrets.mask("join tok.en-long and tok done"));
        assertEquals("nothing here", Secrets.none().mask("nothing here"));
    }
}
