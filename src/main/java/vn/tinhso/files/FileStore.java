package vn.tinhso.files;

import java.io.InputStream;

/**
 * Where file content lives, addressed by storage keys that this module generates (never from a
 * user's file name). The local disk is the default; an S3-compatible store implements the same three
 * operations (see docs/files.md).
 */
interface FileStore {

    /**
     * Stores the whole stream under the key, or nothing: a reader never sees a partial file, and a
     * failure (including one thrown by the stream itself) leaves no trace.
     */
    void put(String key, InputStream content);

    /** The content stored under the key; FILE_NOT_FOUND when there is none. */
    InputStream get(String key);

    /** Removes the content if present; never fails for a missing key. */
    void delete(String key);
}
