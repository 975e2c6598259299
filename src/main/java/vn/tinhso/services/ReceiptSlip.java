package vn.tinhso.services;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import vn.tinhso.shared.VietnameseText;

/**
 * The receipt-and-appointment slip (Giấy tiếp nhận hồ sơ và hẹn trả kết quả) that the one-stop unit
 * gives for a dossier it accepts (Decree 118/2025/NĐ-CP art. 17(1)(c); form Mẫu số 01 of Circular
 * 03/2025/TT-VPCP), as an A4 PDF: the layout of the paper form in Times-compatible type, every font
 * embedded, and a QR code to follow the dossier online.
 */
final class ReceiptSlip {

    private static final String TITLE = "Giấy tiếp nhận hồ sơ và hẹn trả kết quả";
    private static final String DEMO = "Bản mẫu – dữ liệu trình diễn";
    private static final float FOOT_SIZE = 9;

    private ReceiptSlip() {
    }

    /** The slip as PDF bytes; text is shown in NFC, and a character no font has becomes "?". */
    static byte[] render(ReceiptData data) {
        try (PDDocument document = new PDDocument()) {
            SlipFonts fonts = SlipFonts.load(document);
            ReceiptData clean = clean(data, fonts.regular());
            SlipPages pages = new SlipPages(document);
            new SlipBody(pages, fonts).write(clean);
            pages.close();
            footers(document, fonts, clean);
            describe(document, clean);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The demo mark on every page of a demo slip; the dossier code and page numbers on a slip of several pages. */
    private static void footers(PDDocument document, SlipFonts fonts, ReceiptData data) throws IOException {
        int count = document.getNumberOfPages();
        float baseline = SlipPages.BOTTOM - 16;
        for (int i = 0; i < count; i++) {
            PDPage page = document.getPage(i);
            try (PDPageContentStream out = new PDPageContentStream(document, page, AppendMode.APPEND, true, true)) {
                out.setNonStrokingColor(0.45f);
                if (data.demo()) {
                    show(out, fonts.italic(), centredX(fonts.italic(), DEMO), baseline, DEMO);
                }
                if (count > 1 && data.dossierCode() != null) {
                    show(out, fonts.regular(), SlipPages.LEFT, baseline, "Mã hồ sơ: " + data.dossierCode());
                }
                if (count > 1) {
                    String number = "Trang " + (i + 1) + "/" + count;
                    show(out, fonts.regular(), SlipPages.RIGHT - SlipFonts.width(fonts.regular(), FOOT_SIZE, number),
                            baseline, number);
                }
            }
        }
    }

    private static float centredX(PDFont font, String text) {
        return SlipPages.LEFT + (SlipPages.WIDTH - SlipFonts.width(font, FOOT_SIZE, text)) / 2;
    }

    private static void show(PDPageContentStream out, PDFont font, float x, float y, String text) throws IOException {
        out.beginText();
        out.setFont(font, FOOT_SIZE);
        out.newLineAtOffset(x, y);
        out.showText(text);
        out.endText();
    }

    private static void describe(PDDocument document, ReceiptData data) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(data.dossierCode() != null ? TITLE + " " + data.dossierCode() : TITLE);
        info.setAuthor(data.receivingUnit() != null ? data.receivingUnit() : "Tỉnh Số");
        info.setSubject(data.procedureName());
        info.setCreator("Tỉnh Số");
        document.getDocumentCatalog().setLanguage("vi");
        PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
        preferences.setDisplayDocTitle(true);
        document.getDocumentCatalog().setViewerPreferences(preferences);
    }

    private static ReceiptData clean(ReceiptData d, PDFont font) {
        List<ReceiptData.Document> documents = d.documents().stream()
                .map(p -> new ReceiptData.Document(text(p.name(), font), p.originals(), p.copies())).toList();
        return new ReceiptData(text(d.provinceHeader(), font), text(d.receivingUnit(), font), text(d.place(), font),
                text(d.dossierCode(), font), text(d.applicantName(), font), text(d.applicantAddress(), font),
                text(d.applicantPhone(), font), text(d.applicantEmail(), font), text(d.procedureName(), font),
                documents, d.receivedAt(), d.appointmentAt(), text(d.deliveryMethod(), font),
                text(d.officerName(), font), text(d.lookupUrl(), font), d.demo(), d.sets(),
                text(d.processingTime(), font));
    }

    /** NFC, single spaces, printable in the slip's fonts; blank becomes {@code null} (a dotted blank). */
    private static String text(String text, PDFont font) {
        String clean = VietnameseText.clean(text);
        return clean == null || clean.isEmpty() ? null : SlipFonts.printable(font, clean);
    }
}
