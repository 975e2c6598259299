package vn.tinhso.services;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.tinhso.files.FileManagement;
import vn.tinhso.identity.IdentitySettings;
import vn.tinhso.shared.Zones;
import vn.tinhso.units.Agency;
import vn.tinhso.units.AgencyLevel;
import vn.tinhso.units.UnitId;
import vn.tinhso.units.UnitManagement;
import vn.tinhso.units.UnitsSettings;

/** Issues the receipt-and-appointment slip of a received dossier as a PDF kept by the files module. */
@Component
class Receipts {

    static final String OWNER = "services";
    private static final Map<Dossier.Delivery, String> DELIVERY = Map.of(
            Dossier.Delivery.ONLINE, "Trực tuyến (trên Cổng Dịch vụ công)",
            Dossier.Delivery.DESK, "Bộ phận Một cửa",
            Dossier.Delivery.POST, "Dịch vụ bưu chính công ích");

    private final FileManagement files;
    private final UnitManagement units;
    private final UnitsSettings unitsSettings;
    private final IdentitySettings identitySettings;

    Receipts(FileManagement files, UnitManagement units, UnitsSettings unitsSettings,
            IdentitySettings identitySettings) {
        this.files = files;
        this.units = units;
        this.unitsSettings = unitsSettings;
        this.identitySettings = identitySettings;
    }

    /** Renders and stores the slip; the file joins the caller's transaction. */
    java.util.UUID issue(Dossier dossier, Agency agency, Procedure procedure, String officerName) {
        byte[] pdf = ReceiptSlip.render(data(dossier, agency, procedure, officerName));
        return files.store(new ByteArrayInputStream(pdf), "giay-tiep-nhan-" + dossier.code() + ".pdf", OWNER).id();
    }

    ReceiptData data(Dossier dossier, Agency agency, Procedure procedure, String officerName) {
        String province = units.find(UnitId.of("2025", unitsSettings.provinceCode()))
                .map(u -> u.name()).orElse("");
        boolean commune = agency.level() == AgencyLevel.COMMUNE;
        String header = commune ? "UBND " + agency.unitName() : "UBND " + province;
        String unit = commune ? "BỘ PHẬN MỘT CỬA" : agency.name();
        List<ReceiptData.Document> documents = dossier.documents().stream()
                .collect(Collectors.groupingBy(DossierDocument::slot, java.util.TreeMap::new, Collectors.counting()))
                .entrySet().stream().map(e -> {
                    int slot = e.getKey();
                    if (slot < procedure.documents().size()) {
                        Procedure.RequiredDocument d = procedure.documents().get(slot);
                        return new ReceiptData.Document(d.name(), d.originals(), d.copies());
                    }
                    return new ReceiptData.Document("Giấy tờ khác (" + e.getValue() + " tệp)", 0, e.getValue().intValue());
                }).toList();
        String place = province.replaceFirst("^(Tỉnh|Thành phố) ", "");
        return new ReceiptData(header.toUpperCase(Locale.forLanguageTag("vi")), unit.toUpperCase(Locale.forLanguageTag("vi")),
                place, dossier.code(), dossier.applicant().name(), dossier.applicant().address(),
                dossier.applicant().phone(), dossier.applicant().email(), dossier.procedureName(), documents,
                local(dossier.receivedAt()), local(dossier.appointmentAt()), DELIVERY.get(dossier.delivery()),
                officerName, lookupUrl(dossier.code()), procedure.demo(), 1, processingTime(procedure, dossier.channel()));
    }

    /** The processing time of the channel, as the slip states it: "10 ngày làm việc". */
    static String processingTime(Procedure procedure, Procedure.Channel channel) {
        Procedure.Method m = procedure.methodFor(channel);
        int hours = m.hours() == null ? 0 : m.hours();
        if (m.days() > 0 && hours > 0) {
            return m.days() + " ngày " + hours + " giờ làm việc";
        }
        return m.days() > 0 ? m.days() + " ngày làm việc" : hours + " giờ làm việc";
    }

    String lookupUrl(String code) {
        return identitySettings.baseUrl() + "/dossiers/lookup?code=" + code;
    }

    private static LocalDateTime local(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, Zones.VIETNAM);
    }

}
