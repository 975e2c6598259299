package vn.tinhso.services;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** The slip from top to bottom, in the order of the paper form; its blanks stay dotted lines. */
final class SlipBody {

    static final float SIZE = 13;
    static final float LEADING = SIZE * 1.35f;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH 'giờ' mm 'phút', 'ngày' ");

    private final SlipPages pages;
    private final SlipFonts fonts;

    SlipBody(SlipPages pages, SlipFonts fonts) {
        this.pages = pages;
        this.fonts = fonts;
    }

    void write(ReceiptData data) {
        new SlipHeader(pages, fonts).write(data);
        field("Bộ phận tiếp nhận và trả kết quả: ", data.receivingUnit(), fonts.regular());
        field("Tiếp nhận hồ sơ của: ", data.applicantName(), fonts.bold());
        field("Địa chỉ: ", data.applicantAddress(), fonts.regular());
        fieldPair("Số điện thoại: ", data.applicantPhone(), "Email: ", data.applicantEmail());
        field("Nội dung yêu cầu giải quyết: ", data.procedureName(), fonts.bold());
        field("1. Thành phần hồ sơ nộp gồm:", "", fonts.regular());
        pages.moveDown(SIZE * 0.3f);
        new SlipTable(pages, fonts).write(data.documents());
        pages.moveDown(SIZE * 0.4f);
        pages.keep(5 * LEADING + SlipSignatures.HEIGHT);
        field("2. Số lượng hồ sơ: ", (data.sets() > 0 ? "%02d".formatted(data.sets()) : blank(60)) + " (bộ)",
                fonts.regular());
        field("3. Thời gian giải quyết hồ sơ theo quy định là: ", data.processingTime(), fonts.regular());
        field("4. Thời gian nhận hồ sơ: ", moment(data.receivedAt()), font(data.receivedAt()));
        field("5. Thời gian trả kết quả giải quyết hồ sơ: ", moment(data.appointmentAt()), font(data.appointmentAt()));
        field("6. Đăng ký nhận kết quả tại: ", data.deliveryMethod(), fonts.regular());
        new SlipSignatures(pages, fonts).write(data.officerName(), data.lookupUrl());
    }

    /** {@code label} then {@code value} wrapped to the page width; a {@code null} value is a dotted blank. */
    private void field(String label, String value, PDFont valueFont) {
        PDFont font = value != null ? valueFont : fonts.regular();
        List<String> lines = lines(label, value, font, SlipPages.WIDTH);
        for (int i = 0; i < lines.size(); i++) {
            pages.keep(LEADING);
            draw(SlipPages.LEFT, label, lines.subList(i, i + 1), font, i == 0);
            pages.moveDown(LEADING);
        }
    }

    /** Two short fields side by side, each in half the width, as the form puts phone and e-mail. */
    private void fieldPair(String label, String value, String otherLabel, String otherValue) {
        float half = SlipPages.WIDTH / 2;
        List<String> left = lines(label, value, fonts.regular(), half - SIZE);
        List<String> right = lines(otherLabel, otherValue, fonts.regular(), half);
        pages.keep(Math.max(left.size(), right.size()) * LEADING);
        draw(SlipPages.LEFT, label, left, fonts.regular(), true);
        draw(SlipPages.LEFT + half, otherLabel, right, fonts.regular(), true);
        pages.moveDown(Math.max(left.size(), right.size()) * LEADING);
    }

    private List<String> lines(String label, String value, PDFont font, float width) {
        float labelWidth = width(fonts.regular(), label);
        String shown = value != null ? value : blank(width - labelWidth);
        return SlipLines.wrap(font, SIZE, shown, width - labelWidth, width);
    }

    /** Draws lines from the cursor down, the first after {@code label} when {@code withLabel}. */
    private void draw(float x, String label, List<String> lines, PDFont font, boolean withLabel) {
        float baseline = pages.top() - SIZE;
        for (int i = 0; i < lines.size(); i++) {
            boolean first = withLabel && i == 0;
            if (first) {
                pages.text(fonts.regular(), SIZE, x, baseline, label);
            }
            pages.text(font, SIZE, x + (first ? width(fonts.regular(), label) : 0), baseline, lines.get(i));
            baseline -= LEADING;
        }
    }

    /** "09 giờ 05 phút, ngày 02/03/2026" (24-hour clock), or the form's blanks. */
    private String moment(LocalDateTime at) {
        if (at == null) {
            String dots = blank(22);
            return dots + " giờ " + dots + " phút, ngày " + dots + "/" + dots + "/" + dots;
        }
        return at.format(TIME) + at.format(DATE);
    }

    private PDFont font(LocalDateTime at) {
        return at != null ? fonts.bold() : fonts.regular();
    }

    private String blank(float width) {
        return SlipLines.dots(fonts.regular(), SIZE, width);
    }

    private float width(PDFont font, String text) {
        return SlipFonts.width(font, SIZE, text);
    }
}
