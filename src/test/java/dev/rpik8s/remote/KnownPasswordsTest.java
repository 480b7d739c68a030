package dev.rpik8s.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The passwords of a session: a password one host took is tried first on the others, and asked again only if refused. */
class KnownPasswordsTest {

    private final KnownPasswords known = new KnownPasswords();
    private final List<String> asked = new ArrayList<>();
    private final List<String> tried = new ArrayList<>();

    /** Each host takes only its own password. */
    private final Map<String, String> hosts = Map.of("pi@a", "raspberry", "pi@b", "raspberry", "pi@c", "other", "admin@a", "secret");

    private KnownPasswords.Outcome login(String where, String typed) throws RemoteException {
        String user = where.substring(0, where.indexOf('@'));
        Supplier<Optional<char[]>> ask = () -> {
            asked.add(where);
            return typed == null ? Optional.empty() : Optional.of(typed.toCharArray());
        };
        return known.find(user, where, ask, p -> {
            tried.add(where + " " + new String(p));
            return new String(p).equals(hosts.get(where));
        });
    }

    @Test
    void aPasswordOneHostTookIsTriedOnTheOthersOfItsUserWithoutAsking() throws Exception {
        assertEquals(KnownPasswords.Outcome.TAKEN, login("pi@a", "raspberry"));
        assertEquals(KnownPasswords.Outcome.TAKEN, login("pi@b", "never typed"));
        assertEquals(KnownPasswords.Outcome.TAKEN, login("pi@a", "never typed"));
        assertEquals(List.of("pi@a"), asked);
    }

    @Test
    void aHostThatRefusesItIsAskedItsOwnAndKeepsItForItself() throws Exception {
        login("pi@a", "raspberry");
        assertEquals(KnownPasswords.Outcome.TAKEN, login("pi@c", "other"));
        tried.clear();
        login("pi@c", "never typed");
        login("pi@b", "never typed");
        assertEquals(List.of("pi@a", "pi@c"), asked);
        assertEquals(List.of("pi@c other", "pi@b raspberry"), tried, "each host its own first, else its user's");
    }

    @Test
    void anotherUserIsAskedItsOwn() throws Exception {
        login("pi@a", "raspberry");
        assertEquals(KnownPasswords.Outcome.TAKEN, login("admin@a", "secret"));
        assertEquals(List.of("pi@a", "admin@a"), asked);
    }

    @Test
    void aWrongOneIsRefusedAndForgottenAndNoneGivenIsSaid() throws Exception {
        assertEquals(KnownPasswords.Outcome.REFUSED, login("pi@a", "wrong"));
        assertEquals(KnownPasswords.Outcome.NONE_GIVEN, login("pi@a", null));
        assertEquals(KnownPasswords.Outcome.NONE_GIVEN, login("pi@a", ""));
        assertEquals(KnownPasswords.Outcome.TAKEN, login("pi@a", "raspberry"));
        assertEquals(List.of("pi@a wrong", "pi@a raspberry"), tried, "a refused or empty answer is never tried again");
    }
}
