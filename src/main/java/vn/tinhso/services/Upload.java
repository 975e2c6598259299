package vn.tinhso.services;

import java.io.InputStream;

/** A file sent with a dossier: its content and the name the user gave it. */
public record Upload(InputStream content, String name) {
}
