package vn.tinhso.services;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of public services.
 *
 * @param documentTypes media types accepted as dossier documents, as sniffed from the content
 * @param maxDocumentSize the largest dossier document
 * @param maxDocuments the most documents in one dossier
 * @param receptionWorkingHours working hours within which the desk must receive, refuse or ask to
 *        supplement an online dossier (docs/one-stop-rules.md)
 * @param lookupsPerMinute public status lookups per client address and minute, on this node
 * @param demoCatalogue load the demo catalogue into an empty catalogue when demo content is on
 */
@ConfigurationProperties("tinhso.services")
public record ServicesSettings(
        @DefaultValue({"application/pdf", "image/jpeg", "image/png",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}) List<String> documentTypes,
        @DefaultValue("10MB") DataSize maxDocumentSize,
        @DefaultValue("30") int maxDocuments,
        @DefaultValue("8") int receptionWorkingHours,
        @DefaultValue("30") int lookupsPerMinute,
        @DefaultValue("true") boolean demoCatalogue) {

    public ServicesSettings {
        documentTypes = documentTypes.stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).toList();
        if (maxDocumentSize.toBytes() < 1 || maxDocuments < 1 || receptionWorkingHours < 1 || lookupsPerMinute < 1) {
            throw new IllegalArgumentException("tinhso.services limits must be positive");
        }
    }

    /** The size limit as people read it, e.g. {@code 10 MB}. */
    public String maxDocumentSizeText() {
        long bytes = maxDocumentSize.toBytes();
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
    }
}
