package vn.tinhso.files;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.regex.Pattern;
import vn.tinhso.shared.VietnameseText;

/** A user's file name as harmless metadata, and the Content-Disposition header that gives it back. */
final class FileNames {

    static final String FALLBACK = "file";
    private static final int MAX_LENGTH = 255;
    // Control characters and the bidirectional overrides that make "hoadon\u202Efdp.exe" look like a PDF.
    private static final Pattern UNSAFE = Pattern.compile("[\\p{Cntrl}\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_TOKEN = Pattern.compile("[^A-Za-z0-9 ._()\\-]");
    private static final String ATTR_CHARS = "!#$&+-.^_`|~";

    private FileNames() {
    }

    /** The last path segment, NFC, without control or direction characters, at most 255 characters. */
    static String clean(String original) {
        if (original == null) {
            return FALLBACK;
        }
        String name = UNSAFE.matcher(original).replaceAll("");
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = VietnameseText.clean(name);
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return FALLBACK;
        }
        return shorten(name);
    }

    private static String shorten(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        String stem = name.substring(0, name.length() - extension.length());
        int keep = MAX_LENGTH - extension.length();
        return stem.substring(0, stem.offsetByCodePoints(0, keep)) + extension;
    }

    /**
     * {@code attachment} with an ASCII {@code filename} for old clients and the exact name as
     * {@code filename*} in UTF-8 (RFC 6266, RFC 5987), which browsers prefer.
     */
    static String attachment(String name) {
        return "attachment; filename=\"" + ascii(name) + "\"; filename*=UTF-8''" + encode(name);
    }

    /** Vietnamese letters without their marks ({@code Đơn} becomes {@code Don}), anything else unsafe as _. */
    static String ascii(String name) {
        String bare = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("")
                .replace('đ', 'd').replace('Đ', 'D');
        return NOT_TOKEN.matcher(bare).replaceAll("_");
    }

    static String encode(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || ATTR_CHARS.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
