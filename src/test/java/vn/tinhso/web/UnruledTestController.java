package vn.tinhso.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A handler that forgot its access rule, to prove the deny-by-default gate (test classpath only). */
@RestController
class UnruledTestController {

    @GetMapping("/test/unruled")
    String unruled() {
        return "secret";
    }
}
