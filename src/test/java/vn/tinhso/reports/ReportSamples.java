package vn.tinhso.reports;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Real, decodable photos for report tests (the server reads their size and EXIF). */
final class ReportSamples {

    private ReportSamples() {
    }

    /** A small JPEG photo of the colour. */
    static byte[] jpeg(Color colour) {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 640, 480);
        g.setColor(Color.DARK_GRAY);
        g.fillOval(200, 150, 240, 180);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Path jpegFile(String name, Color colour) {
        try {
            Path dir = Files.createTempDirectory("tinhso-report");
            return Files.write(dir.resolve(name), jpeg(colour));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
