package vn.tinhso;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Fails on a dependency cycle or on access to another module's internals; draws the module diagram. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(TinhSoApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesTheModuleDiagram() {
        // Plain UML rather than C4, so that any PlantUML (Debian's too) can render it.
        var options = Documenter.DiagramOptions.defaults().withStyle(Documenter.DiagramOptions.DiagramStyle.UML);
        new Documenter(modules).writeModulesAsPlantUml(options).writeIndividualModulesAsPlantUml(options);
    }
}
