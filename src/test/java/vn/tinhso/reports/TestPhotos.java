package vn.tinhso.reports;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/** Real photos for tests: decodable JPEGs drawn with ImageIO, optionally with an EXIF block (GPS, time). */
public final class TestPhotos {

    private TestPhotos() {
    }

    /** A plain JPEG of the size, without metadata. */
    public static byte[] jpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(90, 140, 60));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.DARK_GRAY);
        g.fillOval(width / 4, height / 3, width / 2, height / 3); // a pothole
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A JPEG whose EXIF says where and when it was taken (as a phone writes it), with orientation 1:
     * an APP1 "Exif" segment holding a big-endian TIFF with IFD0, the Exif IFD (DateTimeOriginal)
     * and the GPS IFD (latitude and longitude as degrees, minutes, seconds).
     */
    public static byte[] jpegWithExif(int width, int height, double lat, double lon, String dateTimeOriginal) {
        byte[] plain = jpeg(width, height);
        ByteBuffer tiff = ByteBuffer.allocate(190);
        tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
        // IFD0 at 8: orientation, Exif IFD pointer, GPS IFD pointer.
        tiff.putShort((short) 3);
        entry(tiff, 0x0112, 3, 1, 0x00010000);
        entry(tiff, 0x8769, 4, 1, 50);
        entry(tiff, 0x8825, 4, 1, 88);
        tiff.putInt(0);
        // Exif IFD at 50: DateTimeOriginal (ASCII, 20 bytes at 68).
        tiff.putShort((short) 1);
        entry(tiff, 0x9003, 2, 20, 68);
        tiff.putInt(0);
        tiff.put((dateTimeOriginal + "\0").getBytes(StandardCharsets.US_ASCII));
        // GPS IFD at 88: N, latitude (rationals at 142), E, longitude (rationals at 166).
        tiff.putShort((short) 4);
        entry(tiff, 0x0001, 2, 2, 'N' << 24);
        entry(tiff, 0x0002, 5, 3, 142);
        entry(tiff, 0x0003, 2, 2, 'E' << 24);
        entry(tiff, 0x0004, 5, 3, 166);
        tiff.putInt(0);
        dms(tiff, lat);
        dms(tiff, lon);
        byte[] body = tiff.array();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2); // SOI
        int length = 2 + 6 + body.length;
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(new byte[] {'E', 'x', 'i', 'f', 0, 0});
        out.writeBytes(body);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    private static void dms(ByteBuffer b, double degrees) {
        int d = (int) degrees;
        double m = (degrees - d) * 60;
        int min = (int) m;
        int secHundredths = (int) Math.round((m - min) * 60 * 100);
        b.putInt(d).putInt(1).putInt(min).putInt(1).putInt(secHundredths).putInt(100);
    }
}
