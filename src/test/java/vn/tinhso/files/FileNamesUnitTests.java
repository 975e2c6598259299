package vn.tinhso.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class FileNamesUnitTests {

    @Test
    void keepsOnlyTheLastPathSegment() {
        assertThat(FileNames.clean("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.clean("C:\\Users\\An\\Đơn đề nghị.pdf")).isEqualTo("Đơn đề nghị.pdf");
        assertThat(FileNames.clean("..")).isEqualTo(FileNames.FALLBACK);
        assertThat(FileNames.clean("a/")).isEqualTo(FileNames.FALLBACK);
        assertThat(FileNames.clean(null)).isEqualTo(FileNames.FALLBACK);
    }

    @Test
    void normalisesToNfcAndDropsControlAndDirectionCharacters() {
        String decomposed = Normalizer.normalize("Tờ khai.docx", Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo("Tờ khai.docx");
        assertThat(FileNames.clean(decomposed)).isEqualTo("Tờ khai.docx");
        assertThat(FileNames.clean("hoadon\u202Efdp.exe")).isEqualTo("hoadonfdp.exe");
        assertThat(FileNames.clean("a\r\nb\u0000.txt")).isEqualTo("ab.txt");
    }

    @Test
    void shortensLongNamesKeepingTheExtension() {
        String name = FileNames.clean("ả".repeat(400) + ".pdf");
        assertThat(name.codePointCount(0, name.length())).isEqualTo(255);
        assertThat(name).endsWith("ả.pdf");
    }

    @Test
    void contentDispositionCarriesVietnameseNamesByRfc5987() {
        String header = FileNames.attachment("Đơn đề nghị \"số 1\".pdf");
        assertThat(header).startsWith("attachment; filename=\"Don de nghi _so 1_.pdf\"; filename*=UTF-8''");
        String encoded = header.substring(header.indexOf("UTF-8''") + 7);
        assertThat(encoded).doesNotContain(" ", "\"", "%20\"").matches("[A-Za-z0-9%!#$&+\\-.^_`|~]+");
        assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo("Đơn đề nghị \"số 1\".pdf");
    }
}
