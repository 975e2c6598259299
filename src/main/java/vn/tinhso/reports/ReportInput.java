package vn.tinhso.reports;

/**
 * A new report as the reporter sends it. {@code communeCode} is the commune (2025 structure) the
 * reporter picked or the app derived; {@code clientKey} makes a resend (an offline queue, a retry)
 * create nothing new.
 */
public record ReportInput(String category, String description, Double lat, Double lon, String communeCode,
        String address, String name, String phone, String email, boolean anonymous, String clientKey) {
}
