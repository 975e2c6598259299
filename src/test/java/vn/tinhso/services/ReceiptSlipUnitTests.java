package vn.tinhso.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

class ReceiptSlipUnitTests {

    private static final String PROCEDURE = "Cấp giấy phép xây dựng mới đối với công trình cấp I, cấp II; "
            + "công trình tôn giáo; công trình di tích lịch sử - văn hóa";
    private static final String APPLICANT = "Nguyễn Thị Hồng Nhung";
    private static final String ADDRESS = "Số 18 phố Hàn Thuyên, Phường Hạc Thành, tỉnh Thanh Hóa";
    private static final String LOOKUP = "https://dichvucong.thanhhoa.example/tra-cuu?ma=000.00.12.H56-260302-0007";
    private static final List<ReceiptData.Document> PAPERS = List.of(
            new ReceiptData.Document("Đơn đề nghị cấp giấy phép xây dựng (Mẫu số 01 Phụ lục II)", 1, 0),
            new ReceiptData.Document("Bản sao giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản "
                    + "khác gắn liền với đất; văn bản chấp thuận về địa điểm xây dựng của Ủy ban nhân dân tỉnh", 0, 1),
            new ReceiptData.Document("Bản vẽ thiết kế: mặt bằng, mặt cắt, mặt đứng điển hình; sơ đồ đấu nối "
                    + "hạ tầng kỹ thuật (kèm ý kiến của cơ quan chuyên môn về xây dựng)", 2, 0));

    @Test
    void printsTheVietnameseTextOfTheFormExactlyEvenFromDecomposedInput() throws IOException {
        ReceiptData slip = slip(PAPERS, false);
        ReceiptData decomposed = new ReceiptData(slip.provinceHeader(), slip.receivingUnit(), slip.place(),
                slip.dossierCode(), Normalizer.normalize(APPLICANT, Normalizer.Form.NFD), slip.applicantAddress(),
                slip.applicantPhone(), slip.applicantEmail(), slip.procedureName(), slip.documents(),
                slip.receivedAt(), slip.appointmentAt(), slip.deliveryMethod(), slip.officerName(),
                slip.lookupUrl(), false, 1, null);

        byte[] pdf = ReceiptSlip.render(decomposed);
        keepForALook("receipt.pdf", pdf);
        String text = text(pdf);

        assertThat(text).contains("UBND TỈNH THANH HÓA", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                "Thanh Hóa, ngày 02 tháng 03 năm 2026", "Mã hồ sơ: 000.00.12.H56-260302-0007",
                "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
                "Tiếp nhận hồ sơ của: " + APPLICANT, "Địa chỉ: " + ADDRESS,
                "Số điện thoại: 0912 345 678", "Email: hongnhung.nguyen@example.vn",
                "Nội dung yêu cầu giải quyết: " + PROCEDURE,
                "Thời gian nhận hồ sơ: 09 giờ 05 phút, ngày 02/03/2026",
                "Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 30 phút, ngày 16/03/2026",
                "Đăng ký nhận kết quả tại: Trực tuyến", "NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ",
                "Lê Văn Đức", "Quét mã để tra cứu tình trạng hồ sơ");
        assertThat(text).contains(PAPERS.stream().map(ReceiptData.Document::name).toList());
        assertThat(text).doesNotContain(Normalizer.normalize(APPLICANT, Normalizer.Form.NFD));
        assertThat(text).isEqualTo(Normalizer.normalize(text, Normalizer.Form.NFC));
    }

    @Test
    void embedsEveryFontAsASubset() throws IOException {
        try (PDDocument document = Loader.loadPDF(ReceiptSlip.render(slip(documents(40), true)))) {
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    fonts.add(resources.getFont(name));
                }
            }

            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                assertThat(font.getName()).matches("[A-Z]{6}\\+LiberationSerif.*");
            });
        }
    }

    @Test
    void theQrCodeOnThePrintedPageOpensTheDossierStatusPage() throws Exception {
        try (PDDocument document = Loader.loadPDF(ReceiptSlip.render(slip(PAPERS, false)))) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150, ImageType.GRAY);

            assertThat(decodeQr(page)).isEqualTo(LOOKUP);
        }
    }

    @Test
    void fortyPapersGoOnOntoASecondPageWithEveryNameAndNothingPastTheMargins() throws Exception {
        byte[] pdf = ReceiptSlip.render(slip(documents(40), false));
        keepForALook("receipt-40.pdf", pdf);

        String text = text(pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThanOrEqualTo(2);
            assertThat(glyphs(document)).allSatisfy(glyph -> assertThat(glyph.getYDirAdj())
                    .isLessThan(glyph.getPageHeight() - (SlipPages.BOTTOM - 20)));
            assertThat(text).contains(IntStream.rangeClosed(1, pages).mapToObj(i -> "Trang " + i + "/" + pages)
                    .toList());
            BufferedImage last = new PDFRenderer(document).renderImageWithDPI(pages - 1, 150, ImageType.GRAY);
            assertThat(decodeQr(last)).isEqualTo(LOOKUP);
        }
        assertThat(text).contains(documents(40).stream().map(ReceiptData.Document::name).toList());
        assertThat(text.indexOf("40 Giấy tờ số 40")).isLessThan(text.indexOf("2. Số lượng hồ sơ"));
        assertThat(text.indexOf("2. Số lượng hồ sơ")).isLessThan(text.indexOf("NGƯỜI TIẾP NHẬN HỒ SƠ"));
    }

    @Test
    void anAddressTooLongForALineIsBrokenWithinTheRightMargin() throws IOException {
        String email = "phong.quan.ly.do.thi.va.ha.tang.ky.thuat.xa.dong.tien.huyen.cu.da.sap.nhap"
                + ".tu.thang.bay.nam.hai.nghin.khong.tram.hai.muoi.lam@thanhhoa.example.vn";
        ReceiptData slip = slip(PAPERS, false);
        ReceiptData longEmail = new ReceiptData(slip.provinceHeader(), slip.receivingUnit(), slip.place(),
                slip.dossierCode(), slip.applicantName(), slip.applicantAddress(), slip.applicantPhone(), email,
                slip.procedureName(), slip.documents(), slip.receivedAt(), slip.appointmentAt(),
                slip.deliveryMethod(), slip.officerName(), slip.lookupUrl() + "&" + email, false, 1, null);

        try (PDDocument document = Loader.loadPDF(ReceiptSlip.render(longEmail))) {
            assertThat(glyphs(document)).allSatisfy(glyph -> assertThat(glyph.getXDirAdj() + glyph.getWidthDirAdj())
                    .isLessThanOrEqualTo(SlipPages.RIGHT + 0.5f));
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", "")).contains(email);
        }
    }

    @Test
    void aDemoSlipIsMarkedOnEveryPageAndARealOneIsNot() throws IOException {
        byte[] demo = ReceiptSlip.render(slip(documents(40), true));
        String real = text(ReceiptSlip.render(slip(PAPERS, false)));

        try (PDDocument document = Loader.loadPDF(demo)) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertThat(stripper.getText(document)).as("page %d", page).contains("Bản mẫu – dữ liệu trình diễn");
            }
        }
        assertThat(real).doesNotContain("Bản mẫu");
    }

    @Test
    void missingDetailsAreLeftAsDottedBlanksToFillInByHand() throws IOException {
        ReceiptData empty = new ReceiptData(null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, false, 0, null);

        byte[] pdf = ReceiptSlip.render(empty);
        keepForALook("receipt-blank.pdf", pdf);
        String text = text(pdf);

        assertThat(text).containsPattern("Tiếp nhận hồ sơ của: \\.{20,}")
                .containsPattern("Địa chỉ: \\.{20,}")
                .containsPattern("Mã hồ sơ: \\.{10,}")
                .containsPattern("\\.{5,}, ngày \\.+ tháng \\.+ năm \\.+")
                .containsPattern("Thời gian nhận hồ sơ: \\.+ giờ \\.+ phút, ngày \\.+/\\.+/\\.+")
                .containsPattern("Thời gian trả kết quả giải quyết hồ sơ: \\.+ giờ \\.+ phút, ngày \\.+/\\.+/\\.+")
                .doesNotContain("Quét mã");
    }

    @Test
    void describesItselfAsAVietnameseDocumentOfTheReceivingUnit() throws IOException {
        try (PDDocument document = Loader.loadPDF(ReceiptSlip.render(slip(PAPERS, false)))) {
            assertThat(document.getDocumentInformation().getTitle())
                    .isEqualTo("Giấy tiếp nhận hồ sơ và hẹn trả kết quả 000.00.12.H56-260302-0007");
            assertThat(document.getDocumentInformation().getAuthor()).isEqualTo("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG");
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("vi");
            assertThat(document.getPage(0).getMediaBox()).satisfies(box -> {
                assertThat(box.getWidth()).isCloseTo(595.28f, offset(0.01f));
                assertThat(box.getHeight()).isCloseTo(841.89f, offset(0.01f));
            });
        }
    }

    private static ReceiptData slip(List<ReceiptData.Document> documents, boolean demo) {
        return new ReceiptData("UBND TỈNH THANH HÓA", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "Thanh Hóa",
                "000.00.12.H56-260302-0007", APPLICANT, ADDRESS, "0912 345 678", "hongnhung.nguyen@example.vn",
                PROCEDURE, documents, LocalDateTime.of(2026, 3, 2, 9, 5), LocalDateTime.of(2026, 3, 16, 16, 30),
                "Trực tuyến", "Lê Văn Đức", LOOKUP, demo, 1, "10 ngày làm việc");
    }

    private static List<ReceiptData.Document> documents(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> new ReceiptData.Document("Giấy tờ số " + i + ": bản vẽ hoàn công hạng mục "
                        + (i % 3 == 0 ? "móng, khung, sàn, mái và hệ thống điện nước của công trình tôn giáo "
                                + "đình làng Đông Sơn" : "tường rào, cổng ngõ") , i % 2, 1))
                .toList();
    }

    /** The text a person would copy from the PDF, with line breaks and runs of spaces as single spaces. */
    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static String decodeQr(BufferedImage image) throws NotFoundException {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new MultiFormatReader().decode(bitmap, Map.of(
                DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
                DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }

    /** Every glyph of the document with its position. */
    private static List<TextPosition> glyphs(PDDocument document) throws IOException {
        List<TextPosition> glyphs = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                glyphs.addAll(positions);
            }
        };
        stripper.getText(document);
        return glyphs;
    }

    /** Run with -Dtinhso.receipt.dir=/tmp to look at the slips (pdftoppm -png -r 80 /tmp/receipt.pdf /tmp/receipt). */
    private static void keepForALook(String name, byte[] pdf) throws IOException {
        String directory = System.getProperty("tinhso.receipt.dir");
        if (directory != null) {
            Files.write(Path.of(directory, name), pdf);
        }
    }
}
