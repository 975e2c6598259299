package vn.tinhso.units;

/**
 * An administrative unit as read by other modules and the API.
 *
 * @param name official name with its kind, e.g. {@code Phường Hàm Rồng}
 * @param shortName the name without its kind, e.g. {@code Hàm Rồng}
 * @param kind e.g. {@code Phường}, {@code Xã}, {@code Thị trấn}, {@code Đặc khu}, {@code Tỉnh}
 */
public record Unit(int structure, String code, UnitLevel level, String kind, String name, String shortName,
        String englishName, String parentCode, String parentName, String provinceCode, String provinceName) {
}
