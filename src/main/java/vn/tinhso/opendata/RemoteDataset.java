package vn.tinhso.opendata;

import java.util.List;

/** A dataset as another catalogue describes it, read by a harvester. */
record RemoteDataset(String ref, String modified, String name, String title, String notes, List<String> tags,
        String licenceId, String licenceUrl, List<String> groups, List<ResourceInput> links, String frequency,
        String temporalStart, String temporalEnd, String contactName, String contactEmail, String sourceUrl) {
}
