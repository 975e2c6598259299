package vn.tinhso.opendata;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The catalogue's reference tables: licences, domains and publishers. Every page and API answer needs
 * them, so they are kept for {@link #TTL_MILLIS} (a change on this node drops them at once; another
 * node's within that time).
 */
@Repository
class Catalogue {

    static final long TTL_MILLIS = 2000;
    private final JdbcClient jdbc;

    private record Cached(List<Licence> licences, List<DataDomain> domains, List<Publisher> publishers, long at) {
    }

    private volatile Cached cached;

    Catalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private Cached cached() {
        Cached c = cached;
        if (c == null || System.currentTimeMillis() - c.at() > TTL_MILLIS) {
            c = new Cached(loadLicences(), loadDomains(), loadPublishers(), System.currentTimeMillis());
            cached = c;
        }
        return c;
    }

    private void drop() {
        cached = null;
    }

    List<Licence> licences() {
        return cached().licences();
    }

    List<DataDomain> domains() {
        return cached().domains();
    }

    List<Publisher> publishers() {
        return cached().publishers();
    }

    private List<Licence> loadLicences() {
        return jdbc.sql("SELECT id, title, title_en, url, open FROM opendata.licence ORDER BY position, id")
                .query((rs, i) -> new Licence(rs.getString("id"), rs.getString("title"), rs.getString("title_en"),
                        rs.getString("url"), rs.getBoolean("open"))).list();
    }

    void saveLicence(Licence l, int position) {
        jdbc.sql("""
                INSERT INTO opendata.licence (id, title, title_en, url, open, position)
                VALUES (:id, :title, :en, :url, :open, :position)
                ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, title_en = EXCLUDED.title_en,
                  url = EXCLUDED.url, open = EXCLUDED.open, position = EXCLUDED.position""")
                .param("id", l.id()).param("title", l.title()).param("en", l.titleEn()).param("url", l.url())
                .param("open", l.open()).param("position", position).update();
        drop();
    }

    private List<DataDomain> loadDomains() {
        return jdbc.sql("""
                SELECT code, title, title_en, description, icon, theme, position
                FROM opendata.domain ORDER BY position, code""")
                .query((rs, i) -> new DataDomain(rs.getString("code"), rs.getString("title"),
                        rs.getString("title_en"), rs.getString("description"), rs.getString("icon"),
                        rs.getString("theme"), rs.getInt("position"))).list();
    }

    void saveDomain(DataDomain d) {
        jdbc.sql("""
                INSERT INTO opendata.domain (code, title, title_en, description, icon, theme, position)
                VALUES (:code, :title, :en, :description, :icon, :theme, :position)
                ON CONFLICT (code) DO UPDATE SET title = EXCLUDED.title, title_en = EXCLUDED.title_en,
                  description = EXCLUDED.description, icon = EXCLUDED.icon, theme = EXCLUDED.theme,
                  position = EXCLUDED.position""")
                .param("code", d.code()).param("title", d.title()).param("en", d.titleEn())
                .param("description", d.description()).param("icon", d.icon()).param("theme", d.theme())
                .param("position", d.position()).update();
        drop();
    }

    private List<Publisher> loadPublishers() {
        return jdbc.sql("SELECT agency_id, name, title, title_en, description, email FROM opendata.publisher ORDER BY name")
                .query((rs, i) -> new Publisher(rs.getLong("agency_id"), rs.getString("name"), rs.getString("title"),
                        rs.getString("title_en"), rs.getString("description"), rs.getString("email"))).list();
    }

    Optional<Publisher> publisher(long agencyId) {
        return publishers().stream().filter(p -> p.agencyId() == agencyId).findFirst();
    }

    void savePublisher(Publisher p) {
        jdbc.sql("""
                INSERT INTO opendata.publisher (agency_id, name, title, title_en, description, email)
                VALUES (:agency, :name, :title, :en, :description, :email)
                ON CONFLICT (agency_id) DO UPDATE SET name = EXCLUDED.name, title = EXCLUDED.title,
                  title_en = EXCLUDED.title_en, description = EXCLUDED.description, email = EXCLUDED.email""")
                .param("agency", p.agencyId()).param("name", p.name()).param("title", p.title())
                .param("en", p.titleEn()).param("description", p.description()).param("email", p.email()).update();
        drop();
    }
}
