package vn.tinhso.files;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import vn.tinhso.TestHttp;

/** Builds multipart/form-data requests for the files API, whole or cut off. */
final class Multipart {

    private Multipart() {
    }

    static TestHttp.Response upload(TestHttp http, String partName, String fileName, byte[] content) {
        String boundary = "----tinhso" + UUID.randomUUID();
        return http.send(http.request("/api/v1/files")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(boundary, partName, fileName, content, true))));
    }

    static TestHttp.Response upload(TestHttp http, String fileName, byte[] content) {
        return upload(http, "file", fileName, content);
    }

    /** A request whose body ends in the middle of the file, without the closing boundary. */
    static TestHttp.Response truncated(TestHttp http, String fileName, byte[] content) {
        String boundary = "----tinhso" + UUID.randomUUID();
        return http.send(http.request("/api/v1/files")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(boundary, "file", fileName, content, false))));
    }

    private static byte[] body(String boundary, String partName, String fileName, byte[] content, boolean whole) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + partName
                + "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        if (whole) {
            out.writeBytes(content);
            out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } else {
            out.write(content, 0, content.length / 2);
        }
        return out.toByteArray();
    }
}
