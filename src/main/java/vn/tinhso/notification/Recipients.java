package vn.tinhso.notification;

import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.tinhso.identity.AccountView;
import vn.tinhso.identity.IdentityManagement;
import vn.tinhso.services.DossierEvent;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.TinhSoException;

/** Who is told: an account, if it still exists, or else the address an applicant gave at the desk. */
@Component
class Recipients {

    private static final Logger log = LoggerFactory.getLogger(Recipients.class);

    private final IdentityManagement identity;

    Recipients(IdentityManagement identity) {
        this.identity = identity;
    }

    /** Someone to mail, in their language; {@code account} tells whether they can sign in to the portal. */
    record Recipient(String email, String name, Locale locale, boolean account) {
    }

    /** The account, or nothing if it no longer exists (then there is nobody to tell). */
    Optional<AccountView> account(long id) {
        try {
            return Optional.of(identity.account(id));
        } catch (TinhSoException e) {
            if (e.code() != ErrorCode.ACCOUNT_NOT_FOUND) {
                throw e;
            }
            log.info("No message for account {}: it does not exist", id);
            return Optional.empty();
        }
    }

    /**
     * The owner's account; without one, the applicant's e-mail address in Vietnamese (a dossier
     * registered at the desk for someone without an account); without that either, nobody.
     */
    Optional<Recipient> of(DossierEvent.Facts facts) {
        Optional<AccountView> owner = facts.ownerAccountId() == null ? Optional.empty()
                : account(facts.ownerAccountId());
        if (owner.isPresent()) {
            AccountView account = owner.get();
            return Optional.of(new Recipient(account.email(), account.displayName(),
                    MailTemplates.locale(account.locale()), true));
        }
        if (facts.applicantEmail() == null || facts.applicantEmail().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Recipient(facts.applicantEmail().strip(), facts.applicantName(),
                MailTemplates.VIETNAMESE, false));
    }
}
