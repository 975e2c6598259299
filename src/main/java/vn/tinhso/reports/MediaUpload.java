package vn.tinhso.reports;

import java.io.IOException;
import java.io.InputStream;

/**
 * A photo or video sent with a report: where to read it, the name the user gave it, and its size in
 * bytes when known (-1: counted by reading it).
 */
public record MediaUpload(Source content, String name, long size) {

    public MediaUpload(Source content, String name) {
        this(content, name, -1);
    }

    /** Opens the content; may be called more than once (the photo is read for EXIF, then stored). */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }
}
