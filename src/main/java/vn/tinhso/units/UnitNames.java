package vn.tinhso.units;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.tinhso.shared.VietnameseText;

/** Splits official names as the statistics office writes them: kind prefix, name, code in brackets. */
final class UnitNames {

    /** Longest first, so that "Thành phố" wins over a shorter prefix. */
    private static final List<String> KINDS = List.of("Thành phố", "Thị trấn", "Thị xã", "Đặc khu",
            "Phường", "Quận", "Huyện", "Tỉnh", "Xã");
    private static final Pattern CODE_IN_NAME = Pattern.compile("^(.*?)\\s*\\((\\d+)\\)\\s*$");

    private UnitNames() {
    }

    /** {@code "Phường Hàm Rồng"} has kind {@code "Phường"}; an unknown prefix gives an empty kind. */
    static String kind(String name) {
        String clean = VietnameseText.clean(name);
        for (String kind : KINDS) {
            if (clean.regionMatches(true, 0, kind, 0, kind.length()) && clean.length() > kind.length()
                    && clean.charAt(kind.length()) == ' ') {
                return kind;
            }
        }
        return "";
    }

    /** The name without its kind: {@code "Hàm Rồng"}. */
    static String shortName(String name) {
        String clean = VietnameseText.clean(name);
        String kind = kind(clean);
        return kind.isEmpty() ? clean : clean.substring(kind.length()).strip();
    }

    /** The name with the kind spelled canonically ({@code "Thị Xã X"} becomes {@code "Thị xã X"}). */
    static String canonical(String name) {
        String kind = kind(name);
        return kind.isEmpty() ? VietnameseText.clean(name) : kind + " " + shortName(name);
    }

    /** {@code "Tỉnh Thanh Hóa (38)"} gives name and code; a name without a code gives a null code. */
    static String[] splitCode(String text) {
        String clean = VietnameseText.clean(text);
        Matcher m = CODE_IN_NAME.matcher(clean == null ? "" : clean);
        return m.matches() ? new String[] {m.group(1).strip(), m.group(2)} : new String[] {clean, null};
    }

    /** Whether the official note says the old unit was only partly merged ("Nhập một phần ..."). */
    static boolean isPartial(String note) {
        String folded = VietnameseText.fold(note == null ? "" : note).toLowerCase(Locale.ROOT);
        return folded.contains("mot phan");
    }
}
