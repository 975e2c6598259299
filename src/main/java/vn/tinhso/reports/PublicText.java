package vn.tinhso.reports;

import java.util.regex.Pattern;

/**
 * The public version of a description: e-mail addresses, phone numbers and ID numbers written in it
 * are masked, so that a reporter who typed them does not publish them (docs/reports.md, privacy).
 */
final class PublicText {

    static final String MASK = "•••";

    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,}");
    /** Vietnamese phone numbers (0 or +84 then 9-10 digits, with spaces, dots or dashes between groups). */
    private static final Pattern PHONE = Pattern.compile("(?<![\\p{N}])(?:\\+?84|0)(?:[ .\\-]?\\d){8,10}(?![\\p{N}])");
    /** Runs of 9 or more digits (ID numbers: 9 old, 12 personal identification; tax codes, accounts). */
    private static final Pattern DIGITS = Pattern.compile("(?<![\\p{N}])\\d(?:[ .\\-]?\\d){8,}(?![\\p{N}])");

    private PublicText() {
    }

    static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = EMAIL.matcher(text).replaceAll(MASK);
        masked = PHONE.matcher(masked).replaceAll(MASK);
        return DIGITS.matcher(masked).replaceAll(MASK);
    }
}
