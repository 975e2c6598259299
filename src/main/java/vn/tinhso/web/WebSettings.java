package vn.tinhso.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Branding of the portal.
 *
 * @param provinceName shown in the header and title
 * @param portalName the portal's own name
 * @param emblem path or URL of the emblem image
 * @param hotline the support phone number shown in the footer
 */
@ConfigurationProperties("tinhso.web")
public record WebSettings(@DefaultValue("Thanh Hóa") String provinceName,
        @DefaultValue("Tỉnh Số") String portalName,
        @DefaultValue("/img/emblem.svg") String emblem,
        @DefaultValue("1022") String hotline) {
}
