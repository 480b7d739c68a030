package dev.rpik8s.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProxySettingsTest {

    @Test
    void thePasswordsInTheProxiesUrlsAreFoundOnceEach() {
        assertEquals(List.of("s3cr:et@x"), new ProxySettings("http://pi:s3cr:et@x@proxy.lan:3128/", "http://pi:s3cr:et@x@proxy.lan:3128",
                "").passwords());
        assertEquals(List.of("one", "two"), new ProxySettings("http://a:one@p:1", "https://b:two@q:2", "").passwords());
    }

    @Test
    void aProxyWithoutAPasswordHasNone() {
        assertEquals(List.of(), new ProxySettings("http://proxy.lan:3128", "http://pi@proxy.lan:3128", "localhost").passwords());
        assertEquals(List.of(), new ProxySettings("http://pi:@proxy.lan:3128", "", "").passwords());
        assertEquals(List.of(), ProxySettings.none().passwords());
    }
}
