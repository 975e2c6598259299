package vn.tinhso.opendata;

/** A licence datasets are published under; {@code open} ones meet the open definition. */
public record Licence(String id, String title, String titleEn, String url, boolean open) {

    public String title(boolean english) {
        return english && titleEn != null ? titleEn : title;
    }
}
