/**
 * Files: storage of uploaded files (local disk by default, behind {@link vn.tinhso.files.FileStore}),
 * content-type sniffing, size limits and SHA-256 checksums. Other modules keep a file's id.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Files", allowedDependencies = "shared")
package vn.tinhso.files;
