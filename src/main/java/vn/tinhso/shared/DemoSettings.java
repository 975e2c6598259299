package vn.tinhso.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo content: agencies and accounts created at first start so that a newcomer sees a working
 * portal. Turn it off in production ({@code TINHSO_DEMO_ENABLED=false}).
 */
@ConfigurationProperties("tinhso.demo")
public record DemoSettings(@org.springframework.boot.context.properties.bind.DefaultValue("true") boolean enabled) {
}
