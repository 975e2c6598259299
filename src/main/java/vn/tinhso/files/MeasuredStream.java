package vn.tinhso.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.TinhSoException;

/**
 * Counts and hashes (SHA-256) the bytes read through it, and fails with FILE_TOO_LARGE as soon as
 * more than the limit pass, so an oversized upload is never written in full.
 */
final class MeasuredStream extends FilterInputStream {

    private final long limit;
    private final String limitText;
    private final MessageDigest digest;
    private long size;

    MeasuredStream(InputStream in, long limit, String limitText) {
        super(in);
        this.limit = limit;
        this.limitText = limitText;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
            digest.update((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
            digest.update(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) {
        throw new UnsupportedOperationException("Every byte must be hashed");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void count(int n) {
        size += n;
        if (size > limit) {
            throw new TinhSoException(ErrorCode.FILE_TOO_LARGE, "file", limitText);
        }
    }

    long size() {
        return size;
    }

    /** The SHA-256 of everything read, in lower-case hex; call once, after the last byte. */
    String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
