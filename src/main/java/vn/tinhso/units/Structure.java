package vn.tinhso.units;

import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.TinhSoException;

/** Which structure of local government a unit code belongs to. */
public enum Structure {
    /** Three levels (province, district, commune), in force until 2025-06-30. */
    Y2024(2024),
    /** Two levels (province, commune), in force since 2025-07-01. */
    Y2025(2025);

    private final int year;

    Structure(int year) {
        this.year = year;
    }

    public int year() {
        return year;
    }

    /** Parses {@code "2024"} or {@code "2025"}; anything else is an {@code unknown_structure} error. */
    public static Structure of(String text) {
        if (text != null) {
            for (Structure s : values()) {
                if (String.valueOf(s.year).equals(text.strip())) {
                    return s;
                }
            }
        }
        throw new TinhSoException(ErrorCode.UNKNOWN_STRUCTURE, "structure", String.valueOf(text));
    }

    public static Structure ofYear(int year) {
        return of(String.valueOf(year));
    }
}
