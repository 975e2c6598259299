package vn.tinhso.units;

/** The identity of a unit: a code means nothing without the structure it belongs to. */
public record UnitId(Structure structure, UnitCode code) {

    public static UnitId of(String structure, String code) {
        return new UnitId(Structure.of(structure), new UnitCode(code));
    }

    @Override
    public String toString() {
        return structure.year() + "/" + code;
    }
}
