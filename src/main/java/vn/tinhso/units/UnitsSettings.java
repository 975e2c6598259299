package vn.tinhso.units;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param provinceCode the province this installation serves, as a 2025 unit code (Thanh Hóa: 38)
 * @param agencyCodeSuffix the province's part of agency identifiers in demo codes (Thanh Hóa: H56)
 */
@ConfigurationProperties("tinhso.units")
public record UnitsSettings(@DefaultValue("38") String provinceCode, @DefaultValue("H56") String agencyCodeSuffix) {
}
