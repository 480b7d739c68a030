package dev.rpik8s.etcd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * etcd's JSON gateway (/v3/...) as it answers: 64-bit numbers as decimal strings, zero values left out (no
 * "isLearner" on a voter, no "leader" without one, no "name" on an unstarted member), errors as
 * {"error": ..., "code": ...}.
 */
final class GatewayJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GatewayJson() {
    }

    static JsonNode read(String body) throws EtcdException {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (IOException e) {
            throw new EtcdException("etcd answered something that is not JSON: " + abbreviate(body));
        }
        if (node == null || !node.isObject()) {
            throw new EtcdException("etcd answered something that is not a JSON object: " + abbreviate(body));
        }
        if (node.has("error")) {
            throw new EtcdException(node.path("error").asText());
        }
        return node;
    }

    static MemberStatus status(String body) throws EtcdException {
        JsonNode n = read(body);
        JsonNode header = n.path("header");
        String member = header.path("member_id").asText("");
        if (member.isEmpty()) {
            throw new EtcdException("etcd's status names no member: " + abbreviate(body));
        }
        Optional<MemberId> leader = Optional.of(n.path("leader").asText("0")).filter(s -> !s.equals("0")).map(MemberId::parse);
        return new MemberStatus(MemberId.parse(member), header.path("cluster_id").asText(""), n.path("version").asText(""), leader,
                number(n, "raftTerm"), number(n, "raftIndex"), number(n, "raftAppliedIndex"), number(n, "dbSize"),
                number(n, "dbSizeInUse"), n.path("isLearner").asBoolean(false), texts(n.path("errors")));
    }

    static List<Member> members(String body) throws EtcdException {
        List<Member> members = new ArrayList<>();
        for (JsonNode m : read(body).path("members")) {
            String name = m.path("name").asText("");
            members.add(new Member(MemberId.parse(m.path("ID").asText("0")), name.isEmpty() ? Optional.empty() : Optional.of(name),
                    texts(m.path("peerURLs")), texts(m.path("clientURLs")), m.path("isLearner").asBoolean(false)));
        }
        return members;
    }

    /** The alarms raised (NOSPACE, CORRUPT), each with the member that raised it. */
    static List<String> alarms(String body) throws EtcdException {
        List<String> alarms = new ArrayList<>();
        for (JsonNode a : read(body).path("alarms")) {
            String which = a.path("alarm").asText("");
            if (!which.isEmpty() && !which.equals("NONE")) {
                alarms.add(which + " on member " + MemberId.parse(a.path("memberID").asText("0")));
            }
        }
        return alarms;
    }

    private static long number(JsonNode n, String field) {
        return Long.parseUnsignedLong(n.path(field).asText("0"));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.asText()));
        return out;
    }

    private static String abbreviate(String body) {
        String one = body.strip().replaceAll("\\s+", " ");
        return one.length() > 120 ? one.substring(0, 117) + "..." : one;
    }
}
