package vn.tinhso.opendata;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.InvalidInput;
import vn.tinhso.shared.InvalidInput.Violation;
import vn.tinhso.shared.PageResult;
import vn.tinhso.shared.RateLimiter;
import vn.tinhso.shared.TinhSoException;
import vn.tinhso.shared.VietnameseText;

/**
 * "Request a dataset": anyone asks for data (with a name and an e-mail, or signed in); the requests and
 * their answers are public; officers of the publisher asked (or of any publisher when none was
 * named) and administrators answer: answered, declined, or published with the dataset.
 */
@Service
public class DatasetRequestManagement {

    private final JdbcClient jdbc;
    private final DatasetManagement catalogue;
    private final ApplicationEventPublisher events;
    private final RateLimiter limiter = new RateLimiter(10);

    DatasetRequestManagement(JdbcClient jdbc, DatasetManagement catalogue, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.events = events;
    }

    /** Records a request; {@code requester} and {@code email} are needed when nobody is signed in. */
    @Transactional
    public DatasetRequest request(String title, String description, String requester, String email, String publisher,
            Editor editor, String clientAddress) {
        List<Violation> v = new ArrayList<>();
        String t = VietnameseText.clean(title);
        String d = description == null ? null : java.text.Normalizer.normalize(description.strip(),
                java.text.Normalizer.Form.NFC);
        if (t == null || t.length() < 5 || t.length() > 300) {
            v.add(new Violation("title", "opendata.invalid.request_title"));
        }
        if (d == null || d.length() < 10 || d.length() > 5000) {
            v.add(new Violation("description", "opendata.invalid.request_description"));
        }
        String name = VietnameseText.clean(requester);
        if (!editor.signedIn() && (name == null || name.length() < 2 || name.length() > 200)) {
            v.add(new Violation("requester", "opendata.invalid.required"));
        }
        String mail = email == null || email.isBlank() ? null : email.strip();
        if (!editor.signedIn() && mail == null) {
            v.add(new Violation("email", "opendata.invalid.required"));
        } else if (mail != null && !DatasetManagement.EMAIL.matcher(mail).matches()) {
            v.add(new Violation("email", "opendata.invalid.email"));
        }
        Long publisherId = null;
        if (publisher != null && !publisher.isBlank()) {
            publisherId = catalogue.publisher(publisher).map(Publisher::agencyId).orElse(null);
            if (publisherId == null) {
                v.add(new Violation("publisher", "opendata.invalid.owner_org", publisher));
            }
        }
        InvalidInput.throwIfAny(v);
        if (!limiter.allow(clientAddress == null ? "?" : clientAddress)) {
            throw TinhSoException.of(ErrorCode.TOO_MANY_REQUESTS);
        }
        long id = jdbc.sql("""
                INSERT INTO opendata.dataset_request (title, description, requester, email, account_id, publisher_id,
                  status) VALUES (:t, :d, :r, :e, :a, :p, 'OPEN') RETURNING id""")
                .param("t", t).param("d", d).param("r", name != null ? name : editor.name()).param("e", mail)
                .param("a", editor.accountId()).param("p", publisherId).query(Long.class).single();
        events.publishEvent(OpendataChanged.of("request.created", "dataset_request", id));
        return get(id);
    }

    /** Answers a request: its new status, the answer shown publicly, and for PUBLISHED the dataset. */
    @Transactional
    public DatasetRequest answer(long id, String status, String answer, String dataset, Editor editor) {
        DatasetRequest r = get(id);
        boolean allowed = editor.admin() || (r.publisherId() == null ? !editor.publishers().isEmpty()
                : editor.publishers().contains(r.publisherId()));
        if (!allowed) {
            throw TinhSoException.of(ErrorCode.FORBIDDEN);
        }
        List<Violation> v = new ArrayList<>();
        DatasetRequest.Status s = null;
        try {
            s = DatasetRequest.Status.valueOf(status == null ? "" : status.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            v.add(new Violation("status", "opendata.invalid.request_status"));
        }
        if (s == DatasetRequest.Status.OPEN) {
            v.add(new Violation("status", "opendata.invalid.request_status"));
        }
        String a = answer == null ? null : answer.strip();
        if (a == null || a.length() < 5 || a.length() > 5000) {
            v.add(new Violation("answer", "opendata.invalid.request_answer"));
        }
        java.util.UUID datasetId = null;
        if (s == DatasetRequest.Status.PUBLISHED) {
            datasetId = catalogue.find(dataset, Editor.NOBODY).map(Dataset::id).orElse(null);
            if (datasetId == null) {
                v.add(new Violation("dataset", "opendata.invalid.request_dataset"));
            }
        }
        InvalidInput.throwIfAny(v);
        jdbc.sql("""
                UPDATE opendata.dataset_request SET status = :s, answer = :a, answered_by = :by, dataset_id = :d,
                  answered_at = now() WHERE id = :id""")
                .param("s", s.name()).param("a", a).param("by", editor.name()).param("d", datasetId).param("id", id)
                .update();
        events.publishEvent(OpendataChanged.of("request.answered", "dataset_request", id));
        return get(id);
    }

    public DatasetRequest get(long id) {
        return jdbc.sql(SELECT + " WHERE r.id = :id").param("id", id).query(DatasetRequestManagement::row).optional()
                .orElseThrow(() -> TinhSoException.of(ErrorCode.NOT_FOUND, "request " + id));
    }

    /** The requests, newest first, optionally of one status. */
    public PageResult<DatasetRequest> list(DatasetRequest.Status status, PageResult.Request paging) {
        String where = status == null ? "" : " WHERE r.status = :s";
        long total = jdbc.sql("SELECT count(*) FROM opendata.dataset_request r" + where)
                .params(status == null ? Map.of() : Map.of("s", status.name())).query(Long.class).single();
        List<DatasetRequest> items = jdbc.sql(SELECT + where + " ORDER BY r.created_at DESC, r.id DESC LIMIT :l OFFSET :o")
                .params(status == null ? Map.of() : Map.of("s", status.name())).param("l", paging.size())
                .param("o", paging.offset()).query(DatasetRequestManagement::row).list();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    private static final String SELECT = """
            SELECT r.*, d.name AS dataset_name FROM opendata.dataset_request r
            LEFT JOIN opendata.dataset d ON d.id = r.dataset_id""";

    private static DatasetRequest row(ResultSet rs, int i) throws SQLException {
        return new DatasetRequest(rs.getLong("id"), rs.getString("title"), rs.getString("description"),
                rs.getString("requester"), rs.getString("email"), (Long) rs.getObject("account_id"),
                (Long) rs.getObject("publisher_id"), DatasetRequest.Status.valueOf(rs.getString("status")),
                rs.getString("answer"), rs.getString("answered_by"), rs.getString("dataset_name"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("answered_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
