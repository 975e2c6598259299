package vn.tinhso.reports;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Date;
import java.util.Iterator;
import java.util.TimeZone;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.springframework.stereotype.Component;
import vn.tinhso.shared.Zones;

/**
 * Photos of reports: what the file says about itself (size in pixels, EXIF place, time and
 * orientation) and the public copies. A public copy is decoded and encoded again as a JPEG, upright,
 * no larger than {@code tinhso.reports.public-width}: nothing of the original's metadata survives.
 */
@Component
class Photos {

    static {
        // Decode from memory, not through temporary files (ImageIO's default cache).
        ImageIO.setUseCache(false);
    }

    /** What a photo tells before it is stored; {@code orientation} is EXIF's 1 to 8. */
    record Facts(int width, int height, Instant takenAt, Double lat, Double lon, int orientation) {
    }

    /** The pixel size, or null when the content is not an image ImageIO can decode. */
    static int[] size(InputStream content) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(content)) {
            if (in == null) {
                return null;
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } catch (IOException | RuntimeException e) {
                return null;
            } finally {
                reader.dispose();
            }
        }
    }

    /** The EXIF facts of a photo; missing or unreadable metadata gives nulls (a photo without EXIF is fine). */
    static Facts facts(int width, int height, InputStream content) {
        Instant taken = null;
        Double lat = null;
        Double lon = null;
        int orientation = 1;
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(content);
            GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
            if (gps != null) {
                GeoLocation location = gps.getGeoLocation();
                if (location != null && !location.isZero() && Math.abs(location.getLatitude()) <= 90
                        && Math.abs(location.getLongitude()) <= 180) {
                    lat = location.getLatitude();
                    lon = location.getLongitude();
                }
            }
            ExifSubIFDDirectory exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
            if (exif != null) {
                // Phones write local time without a zone; the province's zone is the honest guess.
                Date date = exif.getDateOriginal(TimeZone.getTimeZone(Zones.VIETNAM));
                if (date != null) {
                    taken = date.toInstant();
                }
            }
            ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (ifd0 != null && ifd0.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                orientation = ifd0.getInt(ExifIFD0Directory.TAG_ORIENTATION);
            }
        } catch (ImageProcessingException | IOException | MetadataException | RuntimeException e) {
            // No usable metadata: the photo is kept, without place or time.
        }
        return new Facts(width, height, taken, lat, lon, orientation < 1 || orientation > 8 ? 1 : orientation);
    }

    /** The public copy and the thumbnail, as JPEG bytes. */
    record Copies(byte[] publicJpeg, int width, int height, byte[] thumbJpeg) {
    }

    Copies copies(byte[] original, int publicSide, int thumbSide) {
        try {
            BufferedImage image = decode(original, publicSide);
            int orientation = facts(image.getWidth(), image.getHeight(), new ByteArrayInputStream(original))
                    .orientation();
            BufferedImage upright = upright(image, orientation);
            BufferedImage large = scale(upright, publicSide);
            return new Copies(jpeg(large, 0.82f), large.getWidth(), large.getHeight(),
                    jpeg(scale(large, thumbSide), 0.78f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Decodes the photo, skipping pixels when it is at least twice the public size (a 12-megapixel
     * phone photo is decoded at a quarter of its pixels): the most expensive step, made cheaper.
     */
    private static BufferedImage decode(byte[] original, int side) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(original))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("not decodable");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int longest = Math.max(reader.getWidth(0), reader.getHeight(0));
                javax.imageio.ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, longest / side);
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
    }

    /** Turns the pixels the way EXIF orientation says, since the public copy has no EXIF to say it. */
    private static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation == 1) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = orientation >= 5;
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> t.setTransform(0, 1, 1, 0, 0, 0); // transpose
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> t.setTransform(0, -1, -1, 0, h, w); // transverse
            case 8 -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            default -> { }
        }
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, t, null);
        g.dispose();
        return out;
    }

    private static BufferedImage scale(BufferedImage image, int side) {
        int w = image.getWidth();
        int h = image.getHeight();
        if (Math.max(w, h) <= side && image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return image; // already small enough and in the writer's layout
        }
        double factor = Math.min(1.0, (double) side / Math.max(w, h));
        int tw = Math.max(1, (int) Math.round(w * factor));
        int th = Math.max(1, (int) Math.round(h * factor));
        BufferedImage out = new BufferedImage(tw, th, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, tw, th); // a transparent PNG gets a white background, not black
        g.drawImage(image, 0, 0, tw, th, null);
        g.dispose();
        return out;
    }

    private static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
