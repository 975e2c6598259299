package vn.tinhso.services;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import vn.tinhso.shared.DemoSettings;

/**
 * Loads the demo catalogue (services/demo-catalogue.json, marked demo) into an empty catalogue at
 * start, after the demo agencies it refers to, when demo content is on.
 */
@Component
@Order(4)
class DemoCatalogue implements ApplicationRunner {

    static final String RESOURCE = "services/demo-catalogue.json";
    private static final Logger log = LoggerFactory.getLogger(DemoCatalogue.class);

    private final ProcedureManagement procedures;
    private final DemoSettings demo;
    private final ServicesSettings settings;

    DemoCatalogue(ProcedureManagement procedures, DemoSettings demo, ServicesSettings settings) {
        this.procedures = procedures;
        this.demo = demo;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled() || !settings.demoCatalogue() || procedures.count() > 0) {
            return;
        }
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            ImportReport report = procedures.importJson(in);
            if (!report.saved()) {
                throw new IllegalStateException("The demo catalogue is invalid: " + report.errors());
            }
            log.info("Loaded the demo catalogue: {} procedures in {} domains", report.created(), report.domains());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
