package vn.tinhso.units;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an administrator enters to create or change an agency. */
public record AgencyForm(
        @NotBlank(message = "{agency.code.required}")
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9.\\-]{1,39}", message = "{agency.code.format}") String code,
        @NotBlank(message = "{agency.name.required}") @Size(max = 255, message = "{agency.name.size}") String name,
        @NotNull(message = "{agency.kind.required}") AgencyKind kind,
        @NotNull(message = "{agency.level.required}") AgencyLevel level,
        @NotBlank(message = "{agency.unit.required}")
        @Pattern(regexp = "[0-9]{2}|[0-9]{5}", message = "{agency.unit.format}") String unitCode,
        @Email(message = "{agency.email.format}") @Size(max = 255) String email,
        @Pattern(regexp = "^$|[0-9 +().\\-]{6,20}", message = "{agency.phone.format}") String phone,
        boolean active) {
}
