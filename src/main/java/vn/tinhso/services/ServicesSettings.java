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
 * @param codeDatePattern the day part of a dossier code (Decree 118/2025/NĐ-CP art. 28(2)(b) names
 *        the parts, not their print format)
 * @param codeSequenceDigits the least number of digits of the day's sequence in a dossier code
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
        @DefaultValue("true") boolean demoCatalogue,
        @DefaultValue("yyMMdd") String codeDatePattern,
        @DefaultValue("4") int codeSequenceDigits) {

    public ServicesSettings {
        documentTypes = documentTypes.stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).toList();
        if (maxDocumentSize.toBytes() < 1 || maxDocuments < 1 || receptionWorkingHours < 1 || lookupsPerMinute < 1) {
            throw new IllegalArgumentException("tinhso.services limits must be positive");
        }
        if (codeSequenceDigits < 1 || codeSequenceDigits > 9) {
            throw new IllegalArgumentException("tinhso.services.code-sequence-digits must be 1 to 9");
        }
        java.time.format.DateTimeFormatter.ofPattern(codeDatePattern); // fails at start-up if invalid
    }

    /** The size limit as people read it, e.g. {@code 10 MB}. */
    public String maxDocumentSizeText() {
        return vn.tinhso.shared.DataSizes.text(maxDocumentSize);
    }
}
