package vn.tinhso.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AuditEcsUnitTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode line(AuditRecord record) {
        String line = JSON.writeValueAsString(EcsFormat.document(record));
        assertThat(line).doesNotContain("\n");
        return JSON.readTree(line);
    }

    @Test
    void mapsARecordToEcsFields() {
        AuditRecord record = AuditChain.after(null, Instant.parse("2026-11-25T01:02:03.456789Z"), "an@example.vn",
                "127.0.0.1", "files.file.stored", "file", "f-1", "success",
                Map.of("sha256", "ab", "content.type", "application/pdf", "note", "dòng 1\ndòng 2"));
        JsonNode doc = line(record);

        assertThat(doc.get("@timestamp").asString()).isEqualTo("2026-11-25T01:02:03.456789Z");
        assertThat(doc.at("/ecs/version").asString()).isEqualTo(EcsFormat.ECS_VERSION);
        assertThat(doc.at("/event/action").asString()).isEqualTo("files.file.stored");
        assertThat(doc.at("/event/outcome").asString()).isEqualTo("success");
        assertThat(doc.at("/event/category/0").asString()).isEqualTo("file");
        assertThat(doc.at("/event/kind").asString()).isEqualTo("event");
        assertThat(doc.at("/event/sequence").asLong()).isEqualTo(1);
        assertThat(doc.at("/event/hash").asString()).isEqualTo(record.hash());
        assertThat(doc.at("/user/name").asString()).isEqualTo("an@example.vn");
        assertThat(doc.at("/source/ip").asString()).isEqualTo("127.0.0.1");
        assertThat(doc.at("/related/user/0").asString()).isEqualTo("an@example.vn");
        assertThat(doc.at("/related/ip/0").asString()).isEqualTo("127.0.0.1");
        assertThat(doc.at("/labels/sha256").asString()).isEqualTo("ab");
        assertThat(doc.at("/labels/content_type").asString()).isEqualTo("application/pdf");
        assertThat(doc.at("/labels/note").asString()).isEqualTo("dòng 1\ndòng 2");
        assertThat(doc.at("/tinhso/audit/seq").asLong()).isEqualTo(1);
        assertThat(doc.at("/tinhso/audit/hash").asString()).isEqualTo(record.hash());
        assertThat(doc.at("/tinhso/audit/prev_hash").asString()).isEqualTo(AuditChain.GENESIS);
        assertThat(doc.at("/tinhso/audit/target/type").asString()).isEqualTo("file");
        assertThat(doc.at("/tinhso/audit/target/id").asString()).isEqualTo("f-1");
    }

    @Test
    void anAddressThatIsNoIpIsKeptOnlyAsAddress() {
        JsonNode ipv6 = line(AuditChain.after(null, Instant.EPOCH, "a", "0:0:0:0:0:0:0:1", "x", "t", null, "success",
                Map.of()));
        assertThat(ipv6.at("/source/ip").asString()).isEqualTo("0:0:0:0:0:0:0:1");
        JsonNode named = line(AuditChain.after(null, Instant.EPOCH, "a", "proxy.local", "x", "t", null, "success",
                Map.of()));
        assertThat(named.at("/source/address").asString()).isEqualTo("proxy.local");
        assertThat(named.at("/source/ip").isMissingNode()).isTrue();
        assertThat(named.at("/related/ip").isMissingNode()).isTrue();
        JsonNode system = line(AuditChain.after(null, Instant.EPOCH, "system", null, "x", "t", null, "success",
                Map.of()));
        assertThat(system.has("source")).isFalse();
        assertThat(system.has("labels")).isFalse();
    }

    @Test
    void categorisesByAction() {
        assertThat(EcsFormat.category("identity.sign_in.failed", "account")).isEqualTo("authentication");
        assertThat(EcsFormat.category("identity.account.signed_in", "account")).isEqualTo("authentication");
        assertThat(EcsFormat.category("identity.account.role_granted", "account")).isEqualTo("iam");
        assertThat(EcsFormat.category("files.file.rejected", "file")).isEqualTo("file");
        assertThat(EcsFormat.category("units.agency.created", "agency")).isEqualTo("configuration");
        assertThat(EcsFormat.category("services.dossier.submitted", "dossier")).isEqualTo("database");
        assertThat(EcsFormat.outcome("failure")).isEqualTo("failure");
        assertThat(EcsFormat.outcome("partial")).isEqualTo("unknown");
    }
}
