package vn.tinhso.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Title, licence and the bearer-token scheme of the OpenAPI description at {@code /api/docs}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI tinhSoOpenApi(WebSettings settings) {
        return new OpenAPI()
                .info(new Info().title(settings.portalName() + " API").version("v1")
                        .description("Platform API of " + settings.portalName() + " (" + settings.provinceName()
                                + "). Lists are pages {items, page, size, total}; errors are RFC 9457 problem details.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes("apiToken", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("tsk_...")
                        .description("Personal API token created at /account")))
                .addSecurityItem(new SecurityRequirement().addList("apiToken"));
    }
}
