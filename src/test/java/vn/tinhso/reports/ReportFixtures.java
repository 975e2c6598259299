package vn.tinhso.reports;

import java.io.ByteArrayInputStream;
import java.util.List;

/** Reports for the public pages' tests, sent as a resident without an account would. */
final class ReportFixtures {

    private ReportFixtures() {
    }

    /** A small real JPEG photo (a street-coloured gradient), decodable by the photo processing. */
    static byte[] photo() {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(320, 240,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 320; x++) {
            for (int y = 0; y < 240; y++) {
                image.setRGB(x, y, (90 + x / 4) << 16 | (90 + y / 4) << 8 | 80);
            }
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "jpg", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Report submit(ReportManagement reports, String category, double lat, double lon, String description,
            byte[]... photos) {
        List<MediaUpload> media = java.util.Arrays.stream(photos)
                .map(bytes -> new MediaUpload(() -> new ByteArrayInputStream(bytes), "hien-truong.jpg")).toList();
        return reports.submit(new ReportInput(category, description, lat, lon, null, "Ngõ 5 phố kiểm thử",
                "Người Gửi Kiểm Thử", "0987654321", "nguoigui.kiemthu@example.vn", false, null), media, null,
                ReportManagement.Source.WEB, "127.0.0.1").report();
    }
}
