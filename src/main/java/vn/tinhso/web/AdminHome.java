package vn.tinhso.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The administration console's front page. */
@Controller
class AdminHome {

    @GetMapping("/admin")
    @PreAuthorize("hasRole('ADMIN')")
    String admin() {
        return "admin/index";
    }
}
