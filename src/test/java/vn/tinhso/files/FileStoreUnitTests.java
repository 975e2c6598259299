package vn.tinhso.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.TinhSoException;

class FileStoreUnitTests {

    @TempDir
    Path root;

    private List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void storesAndReadsBackByKey() throws IOException {
        LocalFileStore store = new LocalFileStore(root);
        store.put("2026/11/25/abc", new ByteArrayInputStream(Samples.pdf()));
        try (InputStream in = store.get("2026/11/25/abc")) {
            assertThat(in.readAllBytes()).isEqualTo(Samples.pdf());
        }
        assertThat(files()).containsExactly(root.resolve("2026/11/25/abc"));
        store.delete("2026/11/25/abc");
        store.delete("2026/11/25/abc");
        assertThatThrownBy(() -> store.get("2026/11/25/abc")).isInstanceOfSatisfying(TinhSoException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.FILE_NOT_FOUND));
    }

    @Test
    void anUploadCutOffHalfwayLeavesNothingBehind() throws IOException {
        LocalFileStore store = new LocalFileStore(root);
        // 10,000 bytes arrive, then the connection breaks for good.
        InputStream breaking = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0];
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (sent >= 10_000) {
                    throw new IOException("connection reset");
                }
                int n = Math.min(length, 10_000 - sent);
                java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'x');
                sent += n;
                return n;
            }
        };
        assertThatThrownBy(() -> store.put("a/b", breaking)).isInstanceOf(UncheckedIOException.class);
        assertThat(files()).isEmpty();
    }

    @Test
    void aFileOverTheLimitIsNeverStored() throws IOException {
        LocalFileStore store = new LocalFileStore(root);
        MeasuredStream measured = new MeasuredStream(new ByteArrayInputStream(new byte[1025]), 1024, "1 KB");
        assertThatThrownBy(() -> store.put("a/big", measured)).isInstanceOfSatisfying(TinhSoException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.FILE_TOO_LARGE));
        assertThat(files()).isEmpty();
    }

    @Test
    void measuresSizeAndSha256OfWhatPassed() throws IOException {
        MeasuredStream measured = new MeasuredStream(new ByteArrayInputStream("abc".getBytes()), 3, "3 B");
        measured.readAllBytes();
        assertThat(measured.size()).isEqualTo(3);
        assertThat(measured.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void keysThatCouldLeaveTheRootAreRefused() {
        LocalFileStore store = new LocalFileStore(root);
        for (String key : new String[] {"../x", "a/../../x", "/etc/passwd", "a\\b", "", ".hidden", "a//b", "A/B"}) {
            assertThatThrownBy(() -> store.put(key, new ByteArrayInputStream(new byte[] {1})))
                    .as(key).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
