package vn.tinhso.services;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A dossier as the applicant fills it in.
 *
 * @param agencyId the commune People's Committee for commune-level procedures; ignored when the
 *        procedure names its provincial agency
 * @param form the e-form's values by field name
 * @param files already uploaded files (files module) by document slot
 */
public record DossierInput(String procedureCode, Long agencyId, Applicant applicant, Map<String, Object> form,
        Dossier.Delivery delivery, String deliveryAddress, Map<Integer, List<UUID>> files) {

    public DossierInput {
        form = form == null ? Map.of() : form;
        files = files == null ? Map.of() : files;
    }
}
