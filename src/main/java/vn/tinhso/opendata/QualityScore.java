package vn.tinhso.opendata;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A dataset's quality score, 0 to 100, from documented criteria in the spirit of data.gouv.fr's
 * metadata quality score (docs/opendata.md, "Quality score"): each criterion met adds its points,
 * and each one missed is a hint to the publisher.
 */
public final class QualityScore {

    /** Formats that are open and machine-readable (Decree 47/2020/NĐ-CP asks for open formats). */
    public static final Set<String> OPEN_FORMATS = Set.of("CSV", "TSV", "JSON", "GEOJSON", "JSONLD", "JSON-LD", "XML",
            "RDF", "TTL", "NT", "ODS", "PARQUET", "KML", "GML", "GPKG", "SHP", "TXT", "ZIP+CSV");

    /** One criterion: its code (message {@code opendata.quality.<code>}), points, and whether it is met. */
    public record Criterion(String code, int points, boolean met) {
    }

    /** The score and every criterion. */
    public record Report(int score, List<Criterion> criteria) {

        public List<Criterion> missed() {
            return criteria.stream().filter(c -> !c.met()).toList();
        }
    }

    private QualityScore() {
    }

    public static Report of(Dataset d, Licence licence, Instant now) {
        List<Criterion> criteria = new ArrayList<>();
        criteria.add(new Criterion("description", 10, d.notes() != null && d.notes().strip().length() >= 100));
        criteria.add(new Criterion("tags", 10, d.tags().size() >= 3));
        criteria.add(new Criterion("licence", 15, licence != null && licence.open()));
        criteria.add(new Criterion("resources", 10, !d.resources().isEmpty()));
        criteria.add(new Criterion("formats", 15, !d.resources().isEmpty() && d.resources().stream()
                .allMatch(r -> r.format() != null && OPEN_FORMATS.contains(r.format().strip().toUpperCase(Locale.ROOT)))));
        criteria.add(new Criterion("frequency", 10, frequencyRespected(d, now)));
        criteria.add(new Criterion("reachable", 10, d.resources().stream().noneMatch(DatasetResource::broken)));
        criteria.add(new Criterion("temporal", 5, d.temporalStart() != null));
        criteria.add(new Criterion("spatial", 5, !d.spatial().isEmpty()));
        criteria.add(new Criterion("contact", 10, d.contactEmail() != null && !d.contactEmail().isBlank()));
        int score = criteria.stream().filter(Criterion::met).mapToInt(Criterion::points).sum();
        return new Report(score, criteria);
    }

    /**
     * Set, and for a regular frequency the data was updated within its period (with a fifth of grace):
     * a monthly dataset last updated four months ago does not respect it.
     */
    static boolean frequencyRespected(Dataset d, Instant now) {
        return Frequency.of(d.frequency()).map(f -> f.period().map(period -> {
            Instant updated = d.dataUpdatedAt() != null ? d.dataUpdatedAt() : d.createdAt();
            return updated != null && Duration.between(updated, now).compareTo(period) <= 0;
        }).orElse(true)).orElse(false);
    }
}
