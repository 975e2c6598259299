package vn.tinhso.opendata;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the open data portal.
 *
 * @param demoDatasets load the 195 demo datasets (marked demo) into an empty catalogue when demo content is on
 * @param platformDatasets publish the platform's own open data (administrative units, procedures, field
 *        report statistics) as datasets of the province office, once, when the catalogue is empty
 * @param linkCheckInterval how often the link checker looks at the least recently checked links
 * @param linkCheckBatch how many links one round of the link checker fetches
 * @param linkCheckTimeout how long one link may take to answer
 * @param provinceBox the province's bounding box as minLon,minLat,maxLon,maxLat (WGS 84), published as the
 *        dcat:bbox and dcat:centroid of the province in DCAT (the reference data has no unit geometries)
 */
@ConfigurationProperties("tinhso.opendata")
public record OpendataSettings(
        @DefaultValue("true") boolean demoDatasets,
        @DefaultValue("true") boolean platformDatasets,
        @DefaultValue("10m") Duration linkCheckInterval,
        @DefaultValue("20") int linkCheckBatch,
        @DefaultValue("10s") Duration linkCheckTimeout,
        @DefaultValue("104.35,19.25,106.10,20.70") String provinceBox) {

    public OpendataSettings {
        if (linkCheckBatch < 1 || linkCheckInterval.isNegative() || linkCheckInterval.isZero()
                || linkCheckTimeout.isNegative() || linkCheckTimeout.isZero()) {
            throw new IllegalArgumentException("tinhso.opendata link check settings must be positive");
        }
        double[] b = box(provinceBox);
        if (b[0] >= b[2] || b[1] >= b[3] || b[0] < -180 || b[2] > 180 || b[1] < -90 || b[3] > 90) {
            throw new IllegalArgumentException("tinhso.opendata.province-box must be minLon,minLat,maxLon,maxLat");
        }
    }

    /** The province box as minLon, minLat, maxLon, maxLat. */
    public double[] box() {
        return box(provinceBox);
    }

    private static double[] box(String text) {
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw new IllegalArgumentException("tinhso.opendata.province-box must be minLon,minLat,maxLon,maxLat");
        }
        double[] b = new double[4];
        for (int i = 0; i < 4; i++) {
            b[i] = Double.parseDouble(parts[i].strip());
        }
        return b;
    }
}
