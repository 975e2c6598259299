package vn.tinhso.services;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A4 pages written top to bottom: a cursor ({@link #top()}) that moves down, and a new page when
 * what comes next does not fit. Margins follow the usual layout of administrative documents
 * (Decree 30/2020/NĐ-CP, Appendix I): 20 mm top and bottom, 30 mm left, 15 mm right.
 */
final class SlipPages {

    static final float LEFT = mm(30);
    static final float RIGHT = PDRectangle.A4.getWidth() - mm(15);
    static final float WIDTH = RIGHT - LEFT;
    static final float BOTTOM = mm(20);
    private static final float TOP = PDRectangle.A4.getHeight() - mm(20);

    private final PDDocument document;
    private PDPageContentStream out;
    private float top;

    SlipPages(PDDocument document) {
        this.document = document;
        newPage();
    }

    static float mm(float millimetres) {
        return millimetres * 72 / 25.4f;
    }

    /** Where the free space of the current page begins. */
    float top() {
        return top;
    }

    void moveDown(float height) {
        top -= height;
    }

    /** Starts a new page unless {@code height} still fits on this one; tells whether it did. */
    boolean keep(float height) {
        if (top - height >= BOTTOM || top == TOP) {
            return false;
        }
        newPage();
        return true;
    }

    void newPage() {
        close();
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try {
            out = new PDPageContentStream(document, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        top = TOP;
    }

    void text(PDFont font, float size, float x, float baseline, String text) {
        try {
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(x, baseline);
            out.showText(text);
            out.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Draws {@code text} centred between {@code left} and {@code right}. */
    void centred(PDFont font, float size, float left, float right, float baseline, String text) {
        text(font, size, (left + right - SlipFonts.width(font, size, text)) / 2, baseline, text);
    }

    void line(float x1, float y1, float x2, float y2) {
        try {
            out.setLineWidth(0.6f);
            out.moveTo(x1, y1);
            out.lineTo(x2, y2);
            out.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A filled black rectangle; {@code y} is its lower edge. */
    void box(float x, float y, float width, float height) {
        try {
            out.addRect(x, y, width, height);
            out.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the page being written; the document keeps its pages. */
    void close() {
        if (out == null) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out = null;
    }
}
