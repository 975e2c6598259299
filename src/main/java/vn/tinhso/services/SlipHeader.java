package vn.tinhso.services;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * The head of the slip as of every administrative document: on the left the governing body and the
 * receiving unit, on the right the national name and motto, each underlined, and the place and date;
 * then the dossier code and the title of the form.
 */
final class SlipHeader {

    private static final float SIZE = SlipBody.SIZE;
    private static final float LEADING = SlipBody.LEADING;
    private static final float SPLIT = SlipPages.LEFT + SlipPages.WIDTH * 0.42f;

    private final SlipPages pages;
    private final SlipFonts fonts;

    SlipHeader(SlipPages pages, SlipFonts fonts) {
        this.pages = pages;
        this.fonts = fonts;
    }

    void write(ReceiptData data) {
        header(data);
        title(data.dossierCode());
    }

    /** Left: governing body and receiving unit; right: national name, motto, place and date. */
    private void header(ReceiptData data) {
        float top = pages.top();
        float left = centredLines(fonts.regular(), SlipPages.LEFT, SPLIT, top, orBlank(data.provinceHeader(), 120));
        PDFont unitFont = data.receivingUnit() != null ? fonts.bold() : fonts.regular();
        left = centredLines(unitFont, SlipPages.LEFT, SPLIT, left, orBlank(data.receivingUnit(), 120));
        rule(SlipPages.LEFT, SPLIT, left, widest(fonts.bold(), data.receivingUnit()) * 0.4f);
        String nation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
        float nationSize = Math.min(SIZE - 0.5f, SIZE * (SlipPages.RIGHT - SPLIT) / width(fonts.bold(), nation));
        pages.centred(fonts.bold(), nationSize, SPLIT, SlipPages.RIGHT, top - SIZE, nation);
        String motto = "Độc lập - Tự do - Hạnh phúc";
        pages.centred(fonts.bold(), SIZE, SPLIT, SlipPages.RIGHT, top - SIZE - LEADING, motto);
        float right = top - 2 * LEADING;
        rule(SPLIT, SlipPages.RIGHT, right, width(fonts.bold(), motto));
        right = centredLines(fonts.italic(), SPLIT, SlipPages.RIGHT, right - SIZE * 0.6f, placeAndDate(data));
        pages.moveDown(top - Math.min(left, right) + LEADING * 0.8f);
    }

    private void title(String dossierCode) {
        String label = "Mã hồ sơ: ";
        String code = orBlank(dossierCode, 120);
        PDFont codeFont = dossierCode != null ? fonts.bold() : fonts.regular();
        float x = (SlipPages.LEFT + SlipPages.RIGHT - width(fonts.regular(), label) - width(codeFont, code)) / 2;
        pages.text(fonts.regular(), SIZE, x, pages.top() - SIZE, label);
        pages.text(codeFont, SIZE, x + width(fonts.regular(), label), pages.top() - SIZE, code);
        pages.moveDown(LEADING * 1.6f);
        float size = SIZE + 1;
        String title = "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ";
        pages.centred(fonts.bold(), size, SlipPages.LEFT, SlipPages.RIGHT, pages.top() - size, title);
        pages.moveDown(LEADING * 1.8f);
    }

    /** Draws {@code text} centred in the column, in as few lines as fit and those of even length. */
    private float centredLines(PDFont font, float left, float right, float top, String text) {
        float baseline = top - SIZE;
        for (String line : balanced(font, text, right - left)) {
            pages.centred(font, SIZE, left, right, baseline, line);
            baseline -= LEADING;
        }
        return baseline + SIZE;
    }

    /** "TRUNG TÂM PHỤC VỤ / HÀNH CHÍNH CÔNG" rather than "TRUNG TÂM PHỤC VỤ HÀNH / CHÍNH CÔNG". */
    private List<String> balanced(PDFont font, String text, float width) {
        List<String> lines = SlipLines.wrap(font, SIZE, text, width, width);
        float low = 0;
        float high = width;
        for (int i = 0; i < 16 && lines.size() > 1; i++) {
            float middle = (low + high) / 2;
            List<String> narrower = SlipLines.wrap(font, SIZE, text, middle, middle);
            if (narrower.size() == lines.size()) {
                high = middle;
            } else {
                low = middle;
            }
        }
        return lines.size() > 1 ? SlipLines.wrap(font, SIZE, text, high, high) : lines;
    }

    /** The short solid line under a heading, centred in its column just below {@code bottom}. */
    private void rule(float left, float right, float bottom, float length) {
        float y = bottom - SIZE * 0.25f;
        float middle = (left + right) / 2;
        pages.line(middle - length / 2, y, middle + length / 2, y);
    }

    private float widest(PDFont font, String text) {
        if (text == null) {
            return 60;
        }
        return (float) balanced(font, text, SPLIT - SlipPages.LEFT).stream()
                .mapToDouble(line -> width(font, line)).max().orElse(60);
    }

    private String placeAndDate(ReceiptData data) {
        String place = orBlank(data.place(), 60);
        LocalDateTime at = data.receivedAt();
        if (at == null) {
            return place + ", ngày " + blank(20) + " tháng " + blank(20) + " năm " + blank(30);
        }
        return place + ", ngày %02d tháng %02d năm %d".formatted(at.getDayOfMonth(), at.getMonthValue(), at.getYear());
    }

    private String orBlank(String text, float width) {
        return text != null ? text : blank(width);
    }

    private String blank(float width) {
        return SlipLines.dots(fonts.regular(), SIZE, width);
    }

    private float width(PDFont font, String text) {
        return SlipFonts.width(font, SIZE, text);
    }
}
