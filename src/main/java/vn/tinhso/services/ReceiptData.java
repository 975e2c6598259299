package vn.tinhso.services;

import java.time.LocalDateTime;
import java.util.List;

/**
 * What a receipt-and-appointment slip (Giấy tiếp nhận hồ sơ và hẹn trả kết quả) shows. Every field
 * but {@code documents} and {@code demo} may be {@code null}: the slip then shows a dotted blank, as
 * the paper form does.
 *
 * @param provinceHeader the governing body above the receiving unit, e.g. "UBND TỈNH THANH HÓA"
 * @param receivingUnit the one-stop unit, e.g. "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG"
 * @param place the place name before the date, e.g. "Thanh Hóa"
 * @param lookupUrl the address the QR code opens to follow the dossier; no QR code when {@code null}
 * @param demo marks a slip made from demo data
 */
record ReceiptData(String provinceHeader, String receivingUnit, String place, String dossierCode,
        String applicantName, String applicantAddress, String applicantPhone, String applicantEmail,
        String procedureName, List<Document> documents, LocalDateTime receivedAt, LocalDateTime appointmentAt,
        String deliveryMethod, String officerName, String lookupUrl, boolean demo, int sets,
        String processingTime) {

    ReceiptData {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    /** A paper of the dossier (giấy tờ) and how many originals (bản chính) and copies (bản sao) were handed in. */
    record Document(String name, int originals, int copies) {

        Document {
            if (originals < 0 || copies < 0) {
                throw new IllegalArgumentException("Counts of originals and copies cannot be negative");
            }
        }
    }
}
