import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Iterator;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * bench/run.sh reports-submit: writes a real, decodable JPEG of about the asked size (a phone-like
 * 2048 x 1536 picture with noise, so that it does not compress to nothing). Run with
 * {@code java bench/reports/MakePhoto.java out.jpg 1024} (size in KB).
 */
public class MakePhoto {
    public static void main(String[] args) throws Exception {
        File out = new File(args[0]);
        long target = Long.parseLong(args[1]) * 1024;
        BufferedImage image = new BufferedImage(2048, 1536, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int base = (x / 64 + y / 64) % 2 == 0 ? 90 : 150;
                int noise = (int) (12 * Math.sin(x * 0.07) * Math.cos(y * 0.05)) + 12 + random.nextInt(8);
                image.setRGB(x, y, new Color(Math.min(255, base + noise), Math.min(255, base / 2 + noise),
                        Math.min(255, 60 + noise)).getRGB());
            }
        }
        // JPEG size grows steeply with quality: bisect it.
        float low = 0.05f;
        float high = 1f;
        for (int attempt = 0; attempt < 14; attempt++) {
            float quality = (low + high) / 2;
            write(image, out, quality);
            if (Math.abs(out.length() - target) < target / 50) {
                break;
            }
            if (out.length() > target) {
                high = quality;
            } else {
                low = quality;
            }
        }
        System.out.println(out.length());
    }

    static void write(BufferedImage image, File file, float quality) throws Exception {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = writers.next();
        file.delete();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        }
        writer.dispose();
    }
}
