package vn.tinhso.opendata;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The catalogue's reference tables: licences, domains and publishers. */
@Repository
class Catalogue {

    private final JdbcClient jdbc;

    Catalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Licence> licences() {
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
    }

    List<DataDomain> domains() {
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
    }

    List<Publisher> publishers() {
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
    }
}
