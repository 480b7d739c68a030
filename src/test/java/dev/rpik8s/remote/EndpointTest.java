package dev.rpik8s.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndpointTest {

    @TempDir
    Path home;

    private void config(String text) throws Exception {
        Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(home.resolve(".ssh/config"), text);
    }

    @Test
    void withoutConfigTheNameIsTheHostOnPort22AsTheCallersUser() throws Exception {
        Endpoint e = Endpoint.resolve("pi1.lan", "pi", home);
        assertEquals(new Endpoint("pi1.lan", "pi1.lan", 22, "pi", List.of()), e);
    }

    @Test
    void firstValueWinsAndIdentityFilesAddUp() throws Exception {
        config("""
                # rack A
                Host pi-a?  !pi-a9
                    HostName 10.0.0.%h
                    User ubuntu
                    IdentityFile ~/.ssh/rack_a
                Host pi-*
                    HostName ignored.example
                    Port=2222
                    User ignored
                    IdentityFile "%d/.ssh/keys/%r at %h"
                Host *
                    Port 22
                """);
        Endpoint e = Endpoint.resolve("pi-a1", "pi", home);
        assertEquals("10.0.0.pi-a1", e.host());
        assertEquals(2222, e.port());
        assertEquals("ubuntu", e.user());
        assertEquals(List.of(home.resolve(".ssh/rack_a"), home.resolve(".ssh/keys/ubuntu at 10.0.0.pi-a1")), e.identityFiles());

        Endpoint negated = Endpoint.resolve("pi-a9", "pi", home);
        assertEquals("ignored.example", negated.host());
        assertEquals("ignored", negated.user());
    }

    @Test
    void keywordsAreCaseInsensitiveAndHostPatternsToo() throws Exception {
        config("host PI5\n  hostname 192.168.1.50\n  USER admin\n");
        Endpoint e = Endpoint.resolve("pi5", "pi", home);
        assertEquals("192.168.1.50", e.host());
        assertEquals("admin", e.user());
    }

    @Test
    void matchBlocksAreSkippedAndIncludesAreRead() throws Exception {
        Files.createDirectories(home.resolve(".ssh/conf.d"));
        Files.writeString(home.resolve(".ssh/conf.d/10-pis.conf"), "Host pi7\n  Port 2207\n");
        config("""
                Include conf.d/*.conf
                Match user root
                  Port 9999
                Host pi7
                  User seven
                """);
        Endpoint e = Endpoint.resolve("pi7", "pi", home);
        assertEquals(2207, e.port());
        assertEquals("seven", e.user());
    }

    @Test
    void aBadPortIsExplained() throws Exception {
        config("Host x\n  Port twenty\n");
        RemoteException ex = assertThrows(RemoteException.class, () -> Endpoint.resolve("x", "pi", home));
        assertTrue(ex.getMessage().contains("'twenty'"), ex.getMessage());
    }

    @Test
    void wordsSplitOnBlanksOneEqualsAndQuotes() {
        assertEquals(List.of("IdentityFile", "a b"), SshConfig.words("  IdentityFile \"a b\"  "));
        assertEquals(List.of("Port", "22"), SshConfig.words("Port = 22"));
        assertEquals(List.of(), SshConfig.words("   # comment"));
    }
}
