package vn.tinhso.services;

import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * The numbered table of the papers handed in (STT, Tên giấy tờ, Bản chính, Bản sao). A row never
 * splits; when one does not fit, the table goes on at the top of the next page under its heading row.
 */
final class SlipTable {

    private static final float SIZE = 12;
    private static final float LEADING = SIZE * 1.3f;
    private static final float PAD = 4;
    private static final String[] HEADINGS = {"STT", "Tên giấy tờ", "Bản chính", "Bản sao"};

    private final SlipPages pages;
    private final SlipFonts fonts;
    private final float[] edges;

    SlipTable(SlipPages pages, SlipFonts fonts) {
        this.pages = pages;
        this.fonts = fonts;
        float count = SlipFonts.width(fonts.bold(), SIZE, HEADINGS[2]) + 3 * PAD;
        float number = SlipFonts.width(fonts.bold(), SIZE, HEADINGS[0]) + 3 * PAD;
        float left = SlipPages.LEFT;
        float right = SlipPages.RIGHT;
        edges = new float[] {left, left + number, right - 2 * count, right - count, right};
    }

    void write(List<ReceiptData.Document> documents) {
        pages.keep(height(1) + height(1));
        headings();
        if (documents.isEmpty()) {
            row("1", null, "", "");
        }
        for (int i = 0; i < documents.size(); i++) {
            ReceiptData.Document document = documents.get(i);
            row(Integer.toString(i + 1), document.name(), Integer.toString(document.originals()),
                    Integer.toString(document.copies()));
        }
    }

    private void headings() {
        float top = pages.top();
        borders(top, height(1));
        float baseline = top - PAD - SIZE * 0.9f;
        for (int column = 0; column < HEADINGS.length; column++) {
            pages.centred(fonts.bold(), SIZE, edges[column], edges[column + 1], baseline, HEADINGS[column]);
        }
        pages.moveDown(height(1));
    }

    /** One row; the name is drawn whole before the counts so that copied text keeps it in one piece. */
    private void row(String number, String name, String originals, String copies) {
        float width = edges[2] - edges[1] - 2 * PAD;
        String shown = name != null ? name : SlipLines.dots(fonts.regular(), SIZE, width);
        List<String> lines = SlipLines.wrap(fonts.regular(), SIZE, shown, width, width);
        if (pages.keep(height(lines.size()))) {
            headings();
        }
        float top = pages.top();
        borders(top, height(lines.size()));
        float baseline = top - PAD - SIZE * 0.9f;
        PDFont font = fonts.regular();
        pages.centred(font, SIZE, edges[0], edges[1], baseline, number);
        for (int i = 0; i < lines.size(); i++) {
            pages.text(font, SIZE, edges[1] + PAD, baseline - i * LEADING, lines.get(i));
        }
        pages.centred(font, SIZE, edges[2], edges[3], baseline, originals);
        pages.centred(font, SIZE, edges[3], edges[4], baseline, copies);
        pages.moveDown(height(lines.size()));
    }

    private void borders(float top, float height) {
        float bottom = top - height;
        pages.line(edges[0], top, edges[4], top);
        pages.line(edges[0], bottom, edges[4], bottom);
        for (float x : edges) {
            pages.line(x, top, x, bottom);
        }
    }

    private static float height(int lines) {
        return 2 * PAD + SIZE * 1.15f + (lines - 1) * LEADING;
    }
}
