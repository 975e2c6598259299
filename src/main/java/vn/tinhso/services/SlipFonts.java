package vn.tinhso.services;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The three faces of Liberation Serif (metric-compatible with Times New Roman, the face of official
 * forms), embedded as subsets so that a slip prints the same everywhere.
 */
record SlipFonts(PDFont regular, PDFont bold, PDFont italic) {

    private static final byte[] REGULAR = read("LiberationSerif-Regular.ttf");
    private static final byte[] BOLD = read("LiberationSerif-Bold.ttf");
    private static final byte[] ITALIC = read("LiberationSerif-Italic.ttf");

    static SlipFonts load(PDDocument document) throws IOException {
        return new SlipFonts(load(document, REGULAR), load(document, BOLD), load(document, ITALIC));
    }

    /** Width of {@code text} in points at {@code size}. */
    static float width(PDFont font, float size, String text) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code text} with every character the font cannot draw replaced by a question mark. */
    static String printable(PDFont font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(canDraw(font, c) ? c : '?'));
        return out.toString();
    }

    private static boolean canDraw(PDFont font, int codePoint) {
        try {
            font.encode(Character.toString(codePoint));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    private static PDFont load(PDDocument document, byte[] font) throws IOException {
        return PDType0Font.load(document, new ByteArrayInputStream(font), true);
    }

    private static byte[] read(String name) {
        try (InputStream in = SlipFonts.class.getResourceAsStream("/fonts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Font missing from the class path: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
