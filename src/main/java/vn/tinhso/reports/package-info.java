/**
 * Citizen field reports (phản ánh hiện trường, the THANHHOA-S app): categories, routing rules,
 * reports with photos and a map pin, handling by the agencies with deadlines in working time,
 * ratings and reopening, the public map and statistics, and the Open311 GeoReport v2 API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Field reports",
        allowedDependencies = {"shared", "units", "identity", "calendar", "files"})
package vn.tinhso.reports;
