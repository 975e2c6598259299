package vn.tinhso.shared;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Who did something and from where, captured when an event is created (before any async hop). */
public record Actor(String name, String address) {

    public static final String SYSTEM = "system";

    /** The signed-in user and client address of the current request, or {@code system}. */
    public static Actor current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String name = auth == null || auth instanceof AnonymousAuthenticationToken ? null : auth.getName();
        String address = null;
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            address = request.getRemoteAddr();
            if (name == null) {
                name = "anonymous";
            }
        }
        return new Actor(name == null ? SYSTEM : name, address);
    }

    public static Actor named(String name) {
        Actor current = current();
        return new Actor(name, current.address());
    }
}
