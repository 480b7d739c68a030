package dev.rpik8s.etcd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Bodies as etcd 3.4.23's gateway wrote them (recorded on this machine) and as the runbook quotes 3.5's. */
class GatewayJsonTest {

    @Test
    void aStatusWithALeader() throws Exception {
        MemberStatus s = GatewayJson.status("""
                {"header":{"cluster_id":"13807887513569586722","member_id":"1886424282058903940","revision":"1","raft_term":"2"},
                 "version":"3.4.23","dbSize":"20480","leader":"1886424282058903940","raftIndex":"4","raftTerm":"2",
                 "raftAppliedIndex":"4","dbSizeInUse":"16384"}""");
        assertEquals("1a2dece3cbcad184", s.member().hex());
        assertEquals(Optional.of(s.member()), s.leader());
        assertTrue(s.isLeader());
        assertEquals(4, s.raftIndex());
        assertEquals(2, s.raftTerm());
        assertEquals(20480, s.dbSize());
        assertEquals("3.4.23", s.version());
        assertFalse(s.learner());
        assertEquals(List.of(), s.errors());
    }

    @Test
    void aStatusWithoutALeaderSaysSo() throws Exception {
        MemberStatus s = GatewayJson.status("""
                {"header":{"cluster_id":"13807887513569586722","member_id":"1886424282058903940","revision":"1","raft_term":"2"},
                 "version":"3.4.23","dbSize":"20480","raftIndex":"7","raftTerm":"2","raftAppliedIndex":"7",
                 "errors":["etcdserver: no leader"],"dbSizeInUse":"16384"}""");
        assertEquals(Optional.empty(), s.leader());
        assertFalse(s.isLeader());
        assertEquals(List.of("etcdserver: no leader"), s.errors());
    }

    @Test
    void aLearnersStatusFromTheRunbook() throws Exception {
        MemberStatus s = GatewayJson.status("""
                {"header":{"cluster_id":"17237436991929493444","member_id":"10501334649042878790","revision":"812340","raft_term":"3"},
                 "version":"3.5.15","dbSize":"25165824","leader":"9372538179322589801","raftIndex":"902298","raftTerm":"3",
                 "raftAppliedIndex":"902298","isLearner":true}""");
        assertTrue(s.learner());
        assertEquals("91bc3c398fb3c146", s.member().hex(), "an id above Long.MAX_VALUE, in etcdctl's hex");
        assertEquals("8211f1d0f64f3269", s.leader().orElseThrow().hex());
    }

    @Test
    void theMemberListWithAnUnstartedLearnerAndAnUnstartedVoter() throws Exception {
        List<Member> list = GatewayJson.members("""
                {"header":{"cluster_id":"13807887513569586722","member_id":"1886424282058903940","raft_term":"2"},"members":[
                 {"ID":"1886424282058903940","name":"x","peerURLs":["http://127.0.0.9:23800"],"clientURLs":["http://127.0.0.9:23790"]},
                 {"ID":"11459273304130304795","peerURLs":["http://127.0.0.9:23802"]},
                 {"ID":"17685775759380568268","peerURLs":["https://[fd00::5]:2380"],"isLearner":true}]}""");
        assertEquals(3, list.size());
        assertTrue(list.get(0).started());
        assertEquals("127.0.0.9", list.get(0).address());
        assertFalse(list.get(1).started());
        assertFalse(list.get(1).learner());
        assertEquals("(unstarted) 127.0.0.9", list.get(1).label());
        assertTrue(list.get(2).learner());
        assertEquals("fd00::5", list.get(2).address());
        assertEquals("f5707f599317d8cc", list.get(2).id().hex());
        assertEquals("17685775759380568268", Long.toUnsignedString(list.get(2).id().bits()));
    }

    @Test
    void alarmsAreNamed() throws Exception {
        assertEquals(List.of(), GatewayJson.alarms("{}"));
        assertEquals(List.of("NOSPACE on member 1a2dece3cbcad184"),
                GatewayJson.alarms("{\"header\":{},\"alarms\":[{\"memberID\":\"1886424282058903940\",\"alarm\":\"NOSPACE\"}]}"));
    }

    @Test
    void etcdsRefusalIsItsOwnWords() {
        EtcdException e = assertThrows(EtcdException.class, () -> GatewayJson.members(
                "{\"error\":\"etcdserver: re-configuration failed due to not enough started members\",\"message\":\"...\",\"code\":2}"));
        assertEquals("etcdserver: re-configuration failed due to not enough started members", e.getMessage());
        assertTrue(assertThrows(EtcdException.class, () -> GatewayJson.status("<html>404</html>")).getMessage()
                .contains("not JSON: <html>404</html>"));
        assertTrue(assertThrows(EtcdException.class, () -> GatewayJson.status("{\"header\":{}}")).getMessage()
                .contains("names no member"));
    }

    @Test
    void memberIdsRoundTripInHex() {
        MemberId id = MemberId.parse("18446744073709551615");
        assertEquals("ffffffffffffffff", id.hex());
        assertEquals("ffffffffffffffff", id.toString());
        assertEquals(MemberId.parse(" 1 "), new MemberId(1));
    }
}
