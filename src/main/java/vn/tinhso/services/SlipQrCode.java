package vn.tinhso.services;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * A QR code drawn as vector squares (sharp at any zoom or printer), error correction M (15 %), which
 * survives a crease or a stamp on the paper. The page around it gives the quiet zone.
 */
final class SlipQrCode {

    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
            EncodeHintType.CHARACTER_SET, "UTF-8",
            EncodeHintType.MARGIN, 0);

    private SlipQrCode() {
    }

    /** Draws the code for {@code content} in a square of {@code size} points whose top left is (x, top). */
    static void draw(SlipPages pages, float x, float top, float size, String content) {
        BitMatrix matrix = encode(content);
        float module = size / matrix.getWidth();
        for (int row = 0; row < matrix.getHeight(); row++) {
            int column = 0;
            while (column < matrix.getWidth()) {
                if (!matrix.get(column, row)) {
                    column++;
                    continue;
                }
                int start = column;
                while (column < matrix.getWidth() && matrix.get(column, row)) {
                    column++;
                }
                pages.box(x + start * module, top - (row + 1) * module, (column - start) * module, module);
            }
        }
    }

    private static BitMatrix encode(String content) {
        try {
            return new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0, HINTS);
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode this address in a QR code", e);
        }
    }
}
