package vn.tinhso.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: the doors to the services citizens, officers and administrators use. */
@Controller
class HomeController {

    @GetMapping("/")
    @PreAuthorize("permitAll()")
    String home() {
        return "home";
    }

    @GetMapping("/offline")
    @PreAuthorize("permitAll()")
    String offline() {
        return "offline";
    }
}
