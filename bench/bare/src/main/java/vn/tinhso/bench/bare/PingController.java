package vn.tinhso.bench.bare;

import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** One trivial JDBC round trip, answered as JSON: the readiness URL and the load-test anchor. */
@RestController
class PingController {

    private final JdbcTemplate jdbc;

    PingController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/ping")
    Map<String, Object> ping() {
        return Map.of("db", jdbc.queryForObject("SELECT 1", Integer.class));
    }
}
