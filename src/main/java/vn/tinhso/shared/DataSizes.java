package vn.tinhso.shared;

import org.springframework.util.unit.DataSize;

/** Sizes as people read them in messages: {@code 10 MB}, {@code 512 KB}, {@code 1000 B}. */
public final class DataSizes {

    private DataSizes() {
    }

    public static String text(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return size.toMegabytes() + " MB";
        }
        if (bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
            return size.toKilobytes() + " KB";
        }
        return bytes + " B";
    }
}
