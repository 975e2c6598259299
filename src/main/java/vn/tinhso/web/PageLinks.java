package vn.tinhso.web;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Builds the current page's address with another page number, for the pager fragment. */
public class PageLinks {

    public String to(int page) {
        return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", Math.max(page, 0))
                .build().toUriString();
    }
}
