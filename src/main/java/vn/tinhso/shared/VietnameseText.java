package vn.tinhso.shared;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Pattern;

/** Vietnamese text helpers: NFC normalisation, diacritic folding for search, collation. */
public final class VietnameseText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final ULocale VIETNAMESE = new ULocale("vi", "VN");

    private VietnameseText() {
    }

    /** Trims, collapses inner white space and normalises to NFC; {@code null} stays {@code null}. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        return SPACES.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll(" ").strip();
    }

    /** Lower case without diacritics: {@code "Phường Hàm Rồng"} becomes {@code "phuong ham rong"}. */
    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(clean(text), Normalizer.Form.NFD);
        String bare = MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
        return bare.toLowerCase(Locale.ROOT);
    }

    /** A Vietnamese collator (a < ă < â, d < đ, tones after letters); a new instance, not thread-safe. */
    public static Collator collator() {
        Collator collator = Collator.getInstance(VIETNAMESE);
        collator.setStrength(Collator.TERTIARY);
        return collator;
    }

    /** Bytes whose unsigned order is Vietnamese collation order, for sorting in the database. */
    public static byte[] sortKey(String text) {
        return collator().getCollationKey(clean(text)).toByteArray();
    }

    /** A comparator in Vietnamese collation order. */
    public static Comparator<String> order() {
        Collator collator = collator();
        return (a, b) -> {
            synchronized (collator) {
                return collator.compare(a, b);
            }
        };
    }
}
