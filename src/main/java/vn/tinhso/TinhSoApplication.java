package vn.tinhso;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Tỉnh Số: the digital province platform, one modular Spring Boot application. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(systemName = "Tỉnh Số", sharedModules = "shared")
public class TinhSoApplication {

    public static void main(String[] args) {
        SpringApplication.run(TinhSoApplication.class, args);
    }
}
