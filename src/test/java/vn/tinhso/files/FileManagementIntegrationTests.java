package vn.tinhso.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tinhso.IntegrationTest;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.TinhSoException;

/** The files API as other modules use it: inside their own transactions. */
@IntegrationTest
class FileManagementIntegrationTests {

    @Autowired
    FileManagement files;

    @Autowired
    FilesSettings settings;

    @Autowired
    TransactionTemplate tx;

    @Test
    void aFileStoredInATransactionThatRollsBackIsGoneWithIt() {
        AtomicReference<StoredFile> stored = new AtomicReference<>();
        tx.executeWithoutResult(status -> {
            stored.set(files.store(new ByteArrayInputStream(Samples.pdf()), "ho-so.pdf", "dossier-42"));
            assertThat(onDisk(stored.get())).isTrue();
            status.setRollbackOnly();
        });
        assertThat(onDisk(stored.get())).isFalse();
        assertThatThrownBy(() -> files.get(stored.get().id())).isInstanceOfSatisfying(TinhSoException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.FILE_NOT_FOUND));
    }

    @Test
    void aCommittedFileReadsBackByItsId() throws Exception {
        StoredFile stored = tx.execute(status ->
                files.store(new ByteArrayInputStream(Samples.png()), "ảnh hiện trường.png", "report-7"));
        assertThat(files.get(stored.id())).isEqualTo(stored);
        assertThat(stored.ownedBy("report-7")).isTrue();
        try (InputStream in = files.open(stored.id())) {
            assertThat(in.readAllBytes()).isEqualTo(Samples.png());
        }
    }

    @Test
    void aFileNeedsAnOwner() {
        assertThatThrownBy(() -> files.store(new ByteArrayInputStream(Samples.pdf()), "a.pdf", " "))
                .isInstanceOfSatisfying(TinhSoException.class, e -> assertThat(e.field()).isEqualTo("owner"));
    }

    private boolean onDisk(StoredFile file) {
        try (Stream<Path> walk = Files.walk(settings.root())) {
            return walk.anyMatch(p -> p.getFileName().toString().equals(file.id().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
