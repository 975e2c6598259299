package vn.tinhso.units;

import java.util.regex.Pattern;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.TinhSoException;

/**
 * An official unit code of the statistics office: 2 digits for a province, 3 for a district, 5 for
 * a commune, leading zeros kept ({@code 00004} is not {@code 4}). Unique only within one structure.
 */
public record UnitCode(String value) {

    private static final Pattern FORMAT = Pattern.compile("[0-9]{2}|[0-9]{3}|[0-9]{5}");

    public UnitCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new TinhSoException(ErrorCode.INVALID_UNIT_CODE, "code", String.valueOf(value));
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
