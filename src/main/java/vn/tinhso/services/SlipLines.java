package vn.tinhso.services;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** Breaks text into lines that fit a width: at spaces, and inside a word only when the word alone is too wide. */
final class SlipLines {

    private SlipLines() {
    }

    /**
     * Lines of {@code text}: the first at most {@code firstWidth} wide (empty when not even the first
     * word fits there but would fit a full line), the others at most {@code width}.
     */
    static List<String> wrap(PDFont font, float size, String text, float firstWidth, float width) {
        List<String> lines = new ArrayList<>();
        String line = "";
        for (String word : text.split(" ")) {
            float room = lines.isEmpty() ? firstWidth : width;
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (fits(font, size, candidate, room)) {
                line = candidate;
                continue;
            }
            if (!line.isEmpty() || (lines.isEmpty() && fits(font, size, word, width))) {
                lines.add(line);
                room = width;
            }
            line = breakWord(font, size, word, room, width, lines);
        }
        lines.add(line);
        return lines;
    }

    /** As many dots as fill {@code width}, like the blanks of the paper form (at least three). */
    static String dots(PDFont font, float size, float width) {
        return ".".repeat(Math.max(3, (int) (width / SlipFonts.width(font, size, "."))));
    }

    /** Adds the pieces of a word too wide for {@code room} to {@code lines}; returns what is left. */
    private static String breakWord(PDFont font, float size, String word, float room, float width,
            List<String> lines) {
        String rest = word;
        float available = room;
        while (!fits(font, size, rest, available)) {
            int cut = fitting(font, size, rest, available);
            if (cut == 0 && available < width) {
                lines.add("");
                available = width;
                continue;
            }
            cut = Math.max(cut, Character.charCount(rest.codePointAt(0)));
            lines.add(rest.substring(0, cut));
            rest = rest.substring(cut);
            available = width;
        }
        return rest;
    }

    private static boolean fits(PDFont font, float size, String text, float width) {
        return SlipFonts.width(font, size, text) <= width;
    }

    private static int fitting(PDFont font, float size, String text, float width) {
        int end = 0;
        while (end < text.length()) {
            int next = text.offsetByCodePoints(end, 1);
            if (!fits(font, size, text.substring(0, next), width)) {
                break;
            }
            end = next;
        }
        return end;
    }
}
