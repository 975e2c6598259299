package vn.tinhso.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a citizen enters to register. */
public record RegistrationForm(
        @NotBlank(message = "{account.name.required}") @Size(max = 120, message = "{account.name.size}") String displayName,
        @NotBlank(message = "{account.email.required}") @Email(message = "{account.email.format}")
        @Size(max = 200, message = "{account.email.format}") String email,
        @NotBlank(message = "{account.password.required}") @Size(max = 200, message = "{account.password.size}") String password,
        String confirmPassword) {
}
