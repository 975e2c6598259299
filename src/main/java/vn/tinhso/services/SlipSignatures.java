package vn.tinhso.services;

import java.util.List;

/**
 * The foot of the slip: who handed the dossier in and who received it, each to sign with their name
 * (Ký và ghi rõ họ tên), then the QR code that opens the dossier's status page.
 */
final class SlipSignatures {

    private static final float SIZE = SlipBody.SIZE;
    private static final float LEADING = SlipBody.LEADING;
    private static final float SPACE_TO_SIGN = 62;
    /** The height of the signature block without the QR code. */
    static final float HEIGHT = 3.6f * LEADING + SPACE_TO_SIGN;
    private static final float QR_SIZE = 84;
    private static final String CAPTION = "Quét mã để tra cứu tình trạng hồ sơ";

    private final SlipPages pages;
    private final SlipFonts fonts;

    SlipSignatures(SlipPages pages, SlipFonts fonts) {
        this.pages = pages;
        this.fonts = fonts;
    }

    void write(String officerName, String lookupUrl) {
        pages.moveDown(LEADING * 0.6f);
        pages.keep(HEIGHT - LEADING * 0.6f);
        float middle = SlipPages.LEFT + SlipPages.WIDTH / 2;
        float baseline = pages.top() - SIZE;
        pages.centred(fonts.bold(), SIZE, SlipPages.LEFT, middle, baseline, "NGƯỜI NỘP HỒ SƠ");
        pages.centred(fonts.italic(), SIZE, SlipPages.LEFT, middle, baseline - LEADING, "(Ký và ghi rõ họ tên)");
        pages.centred(fonts.bold(), SIZE, middle, SlipPages.RIGHT, baseline, "NGƯỜI TIẾP NHẬN HỒ SƠ");
        pages.centred(fonts.italic(), SIZE, middle, SlipPages.RIGHT, baseline - LEADING, "(Ký và ghi rõ họ tên)");
        String name = officerName != null ? officerName : SlipLines.dots(fonts.regular(), SIZE, 120);
        pages.centred(officerName != null ? fonts.bold() : fonts.regular(), SIZE, middle, SlipPages.RIGHT,
                baseline - 2 * LEADING - SPACE_TO_SIGN, name);
        pages.moveDown(3 * LEADING + SPACE_TO_SIGN);
        if (lookupUrl != null) {
            qrCode(lookupUrl);
        }
    }

    /** The code on the left, its caption and the address itself (for those who cannot scan) beside it. */
    private void qrCode(String lookupUrl) {
        pages.moveDown(LEADING * 0.5f);
        pages.keep(QR_SIZE);
        float top = pages.top();
        SlipQrCode.draw(pages, SlipPages.LEFT, top, QR_SIZE, lookupUrl);
        float x = SlipPages.LEFT + QR_SIZE + 12;
        float width = SlipPages.RIGHT - x;
        float baseline = top - QR_SIZE / 2 + 2;
        pages.text(fonts.italic(), SIZE - 1, x, baseline, CAPTION);
        List<String> lines = SlipLines.wrap(fonts.regular(), SIZE - 3, lookupUrl, width, width);
        for (String line : lines) {
            baseline -= (SIZE - 3) * 1.3f;
            pages.text(fonts.regular(), SIZE - 3, x, baseline, line);
        }
        pages.moveDown(QR_SIZE);
    }
}
