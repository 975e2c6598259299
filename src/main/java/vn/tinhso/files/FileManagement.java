package vn.tinhso.files;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tinhso.shared.Actor;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.TinhSoException;
import vn.tinhso.shared.Zones;

/** Stores files whole or not at all, with a sniffed type, a size limit and a SHA-256; reads them back. */
@Service
public class FileManagement {

    private static final int SNIFF_BYTES = 1 << 16;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private final StoredFiles files;
    private final FileStore store;
    private final FilesSettings settings;
    private final FileTypes types;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final TransactionTemplate separateTx;

    FileManagement(StoredFiles files, FileStore store, FilesSettings settings, ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.files = files;
        this.store = store;
        this.settings = settings;
        this.types = new FileTypes(settings.allowedTypes());
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.separateTx = new TransactionTemplate(transactions);
        separateTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Stores the content under a new id. Joins the caller's transaction if there is one: should it roll
     * back, the content is removed again. Refuses empty content (FILE_EMPTY), content over
     * {@code tinhso.files.max-size} (FILE_TOO_LARGE) and types not allowed (FILE_TYPE_FORBIDDEN).
     *
     * @param originalName the user's file name, kept as metadata only
     * @param owner who may read the file back through the API, e.g. the uploader's user name
     */
    public StoredFile store(InputStream content, String originalName, String owner) {
        if (owner == null || owner.isBlank()) {
            throw new TinhSoException(ErrorCode.VALIDATION_FAILED, "owner", "owner");
        }
        String name = FileNames.clean(originalName);
        UUID id = UUID.randomUUID();
        String key = LocalDate.now(Zones.VIETNAM).format(DAY) + "/" + id;
        Written written;
        try {
            written = write(new BufferedInputStream(content, SNIFF_BYTES), name, key);
        } catch (TinhSoException e) {
            rejected(e, name, owner);
            throw e;
        }
        StoredFile file = new StoredFile(id, name, written.type(), written.size(), written.sha256(), owner,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        try {
            return tx.execute(status -> record(file, key));
        } catch (RuntimeException e) {
            store.delete(key);
            throw e;
        }
    }

    /** A Content-Disposition header value that downloads the file under its (Vietnamese) name, safely. */
    public static String attachmentHeader(String name) {
        return FileNames.attachment(name);
    }

    /** The metadata of a file; FILE_NOT_FOUND when there is none. */
    public StoredFile get(UUID id) {
        return row(id).file();
    }

    /** The content of a file, to be closed by the caller; FILE_NOT_FOUND when there is none. */
    public InputStream open(UUID id) {
        return store.get(row(id).storageKey());
    }

    private StoredFiles.Row row(UUID id) {
        return files.byId(id).orElseThrow(() -> TinhSoException.of(ErrorCode.FILE_NOT_FOUND, String.valueOf(id)));
    }

    private record Written(String type, long size, String sha256) {
    }

    private Written write(BufferedInputStream content, String name, String key) {
        try {
            content.mark(1);
            if (content.read() < 0) {
                throw new TinhSoException(ErrorCode.FILE_EMPTY, "file");
            }
            content.reset();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String type = types.detect(content, name);
        types.checkAllowed(type);
        MeasuredStream measured = new MeasuredStream(content, settings.maxSize().toBytes(), settings.maxSizeText());
        store.put(key, measured);
        return new Written(type, measured.size(), measured.sha256());
    }

    private StoredFile record(StoredFile file, String key) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    store.delete(key);
                }
            }
        });
        files.insert(file, key);
        events.publishEvent(new FileStored(file.id(), file.name(), file.contentType(), file.size(), file.sha256(),
                file.owner(), Actor.current()));
        return file;
    }

    /** Refused types and sizes are security events; they are recorded even if the caller rolls back. */
    private void rejected(TinhSoException e, String name, String owner) {
        if (e.code() == ErrorCode.FILE_TYPE_FORBIDDEN || e.code() == ErrorCode.FILE_TOO_LARGE) {
            String detail = e.args().length > 0 ? String.valueOf(e.args()[0]) : "";
            separateTx.executeWithoutResult(status -> events.publishEvent(
                    new FileRejected(name, e.code().code(), detail, owner, Actor.current())));
        }
    }
}
