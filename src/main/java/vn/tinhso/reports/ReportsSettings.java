package vn.tinhso.reports;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of field reports. Deadline defaults follow Hanoi's iHanoi rules of 2025 as the issue
 * names them (acceptance within 8 working hours, urgent reports handled within 4 working hours);
 * the normal and complex defaults are ours and are configuration (docs/reports.md).
 *
 * @param area the province's bounding box: pins outside it are refused
 * @param triageAgencyCode the coordinating centre that gets what no routing rule matches; empty: the
 *        province's public administration centre
 * @param acceptWithin working time to accept (or return, or reject) a submitted report
 * @param urgentWithin working time to resolve an urgent report, from acceptance
 * @param normalWithin working time to resolve a normal report
 * @param complexWithin working time to resolve a complex report
 * @param remindBefore working time before a deadline when the agency is reminded
 * @param reopenDays calendar days after resolution within which the reporter may reopen
 * @param duplicateRadiusMeters open reports of the same category this close are offered as duplicates
 * @param maxPhotos photos per report (before, and after for the proof of fix)
 * @param maxPhotoSize the largest photo accepted
 * @param maxPhotoPixels the most pixels of a photo (guards against decompression bombs)
 * @param maxVideoSize the largest video accepted
 * @param photoTypes photo media types accepted, as sniffed from the content
 * @param videoTypes video media types accepted
 * @param publicWidth the longest side of a published photo, in pixels
 * @param thumbWidth the longest side of a thumbnail
 * @param anonymousPerMinute reports per client address and minute without a signed-in account, on this node
 * @param demoReports load demo reports into an empty store when demo content is on
 * @param mapTiles the map tile URL template for Leaflet; empty shows no background map
 * @param mapAttribution the attribution the tile provider requires
 */
@ConfigurationProperties("tinhso.reports")
public record ReportsSettings(
        @DefaultValue Area area,
        @DefaultValue("") String triageAgencyCode,
        @DefaultValue("8h") Duration acceptWithin,
        @DefaultValue("4h") Duration urgentWithin,
        @DefaultValue("40h") Duration normalWithin,
        @DefaultValue("80h") Duration complexWithin,
        @DefaultValue("2h") Duration remindBefore,
        @DefaultValue("10") int reopenDays,
        @DefaultValue("250") int duplicateRadiusMeters,
        @DefaultValue("5") int maxPhotos,
        @DefaultValue("10MB") DataSize maxPhotoSize,
        @DefaultValue("40000000") long maxPhotoPixels,
        @DefaultValue("50MB") DataSize maxVideoSize,
        @DefaultValue({"image/jpeg", "image/png"}) List<String> photoTypes,
        @DefaultValue({"video/mp4", "video/webm", "video/quicktime"}) List<String> videoTypes,
        @DefaultValue("1600") int publicWidth,
        @DefaultValue("360") int thumbWidth,
        @DefaultValue("5") int anonymousPerMinute,
        @DefaultValue("true") boolean demoReports,
        @DefaultValue("https://tile.openstreetmap.org/{z}/{x}/{y}.png") String mapTiles,
        @DefaultValue("© OpenStreetMap") String mapAttribution) {

    /** A bounding box in WGS 84 degrees. The default is Thanh Hóa's, rounded outwards. */
    public record Area(@DefaultValue("19.25") double minLat, @DefaultValue("104.35") double minLon,
            @DefaultValue("20.70") double maxLat, @DefaultValue("106.10") double maxLon,
            @DefaultValue("19.8067") double centerLat, @DefaultValue("105.7852") double centerLon) {

        public boolean contains(double lat, double lon) {
            return lat >= minLat && lat <= maxLat && lon >= minLon && lon <= maxLon;
        }
    }

    public ReportsSettings {
        photoTypes = photoTypes.stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).toList();
        videoTypes = videoTypes.stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).toList();
        if (maxPhotos < 1 || reopenDays < 0 || duplicateRadiusMeters < 1 || maxPhotoSize.toBytes() < 1
                || maxPhotoPixels < 1 || publicWidth < 100 || thumbWidth < 50 || anonymousPerMinute < 1) {
            throw new IllegalArgumentException("tinhso.reports limits must be positive");
        }
        for (Duration d : List.of(acceptWithin, urgentWithin, normalWithin, complexWithin)) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("tinhso.reports deadlines must be positive");
            }
        }
        if (area.minLat() >= area.maxLat() || area.minLon() >= area.maxLon() || area.minLat() < -90
                || area.maxLat() > 90 || area.minLon() < -180 || area.maxLon() > 180) {
            throw new IllegalArgumentException("tinhso.reports.area is not a valid bounding box");
        }
    }

    /** The working time to resolve a report of the severity. */
    public Duration handleWithin(Severity severity) {
        return switch (severity) {
            case URGENT -> urgentWithin;
            case NORMAL -> normalWithin;
            case COMPLEX -> complexWithin;
        };
    }

    public String maxPhotoSizeText() {
        return vn.tinhso.shared.DataSizes.text(maxPhotoSize);
    }

    public String maxVideoSizeText() {
        return vn.tinhso.shared.DataSizes.text(maxVideoSize);
    }
}
