/**
 * Public services: the catalogue of administrative procedures (thủ tục hành chính), online
 * submission of dossiers (hồ sơ), their reception at the one-stop desk with a receipt slip, and the
 * public status lookup. The processing workflow after reception builds on {@link
 * vn.tinhso.services.DossierStatus} and the dossier events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Public services",
        allowedDependencies = {"shared", "units", "identity", "calendar", "files"})
package vn.tinhso.services;
