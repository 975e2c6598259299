package vn.tinhso.files;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Metadata of stored files; the content is in the {@link FileStore} under {@code storage_key}. */
@Repository
class StoredFiles {

    /** A row with the storage key, which stays inside this module. */
    record Row(StoredFile file, String storageKey) {
    }

    private final JdbcClient jdbc;

    StoredFiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(StoredFile file, String storageKey) {
        jdbc.sql("""
                INSERT INTO files.stored_file
                       (id, original_name, content_type, size, sha256, storage_key, owner, created_at)
                VALUES (:id, :name, :type, :size, :sha, :key, :owner, :at)""")
                .param("id", file.id()).param("name", file.name()).param("type", file.contentType())
                .param("size", file.size()).param("sha", file.sha256()).param("key", storageKey)
                .param("owner", file.owner()).param("at", Timestamp.from(file.createdAt()))
                .update();
    }

    Optional<Row> byId(UUID id) {
        return jdbc.sql("SELECT * FROM files.stored_file WHERE id = :id").param("id", id)
                .query(StoredFiles::map).optional();
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        StoredFile file = new StoredFile(rs.getObject("id", UUID.class), rs.getString("original_name"),
                rs.getString("content_type"), rs.getLong("size"), rs.getString("sha256"), rs.getString("owner"),
                rs.getTimestamp("created_at").toInstant());
        return new Row(file, rs.getString("storage_key"));
    }
}
