package vn.tinhso.opendata;

/**
 * A resource as a publisher writes it (CKAN resource_create): a link ({@code url}) or an uploaded
 * file, given to {@link DatasetManagement} as a stream.
 */
public record ResourceInput(String name, String description, String format, String url) {
}
