package vn.tinhso.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.TinhSoException;

class FileTypesUnitTests {

    private final FileTypes types = new FileTypes(java.util.List.of("application/pdf", "text/csv"));

    private static String detect(byte[] content, String name) {
        return new FileTypes(java.util.List.of()).detect(
                new BufferedInputStream(new ByteArrayInputStream(content)), name);
    }

    @Test
    void theContentDecidesNotTheName() {
        assertThat(detect(Samples.exe(), "hoa-don.pdf")).isEqualTo("application/x-msdownload");
        assertThat(detect(Samples.pdf(), "anh.png")).isEqualTo("application/pdf");
        assertThat(detect(Samples.text("<!DOCTYPE html><html><body>x</body></html>"), "ghi-chu.txt"))
                .isEqualTo("text/html");
        assertThat(detect(Samples.text("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), "anh.png"))
                .isEqualTo("image/svg+xml");
    }

    @Test
    void unknownBytesNeverBorrowTheNamesType() {
        // Tika alone would call these bytes a PDF because of the name.
        byte[] noise = {1, 2, 3, (byte) 200, (byte) 255, 0, 0, 7, 9, 0};
        assertThat(detect(noise, "hop-dong.pdf")).isEqualTo("application/octet-stream");
    }

    @Test
    void theNameRefinesTextAndOfficeContainers() {
        assertThat(detect(Samples.text("tên,tuổi\nĐơn,3\n"), "danh-sach.csv")).isEqualTo("text/csv");
        assertThat(detect(Samples.text("{\"tinh\": \"Thanh Hóa\"}"), "du-lieu.json")).isEqualTo("application/json");
        assertThat(detect(Samples.text("xin chào"), "ghi-chu.txt")).isEqualTo("text/plain");
        assertThat(detect(Samples.docx(), "to-trinh.docx")).isEqualTo(Samples.DOCX);
        assertThat(detect(Samples.xlsx(), "bang-tinh.xlsx")).isEqualTo(Samples.XLSX);
        assertThat(detect(Samples.docx(), "to-trinh.pdf")).isEqualTo("application/x-tika-ooxml");
    }

    @Test
    void detectionLeavesTheStreamAtItsStart() throws Exception {
        InputStream in = new BufferedInputStream(new ByteArrayInputStream(Samples.pdf()));
        new FileTypes(java.util.List.of()).detect(in, "a.pdf");
        assertThat(in.readAllBytes()).isEqualTo(Samples.pdf());
    }

    @Test
    void aTypeOffTheListIsRefusedByName() {
        types.checkAllowed("application/pdf");
        assertThatThrownBy(() -> types.checkAllowed("application/x-msdownload"))
                .isInstanceOfSatisfying(TinhSoException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.FILE_TYPE_FORBIDDEN);
                    assertThat(e.args()).containsExactly("application/x-msdownload");
                });
    }
}
