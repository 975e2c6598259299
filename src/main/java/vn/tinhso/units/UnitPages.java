package vn.tinhso.units;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import vn.tinhso.shared.PageResult;
import vn.tinhso.shared.TinhSoException;

/** Public pages to look up administrative units: search as you type, details with the conversion. */
@Controller
@PreAuthorize("permitAll()")
class UnitPages {

    private final UnitManagement units;

    UnitPages(UnitManagement units) {
        this.units = units;
    }

    @GetMapping("/units")
    String search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "2025") String structure,
            @RequestParam(required = false) String province, @RequestParam(required = false) String level,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Structure chosen = "all".equals(structure) ? null : parseStructure(structure);
        String provinceCode = province == null || province.isBlank() ? null : province.strip();
        UnitLevel chosenLevel = parseLevel(level);
        PageResult<Unit> result = units.search(new UnitQuery(q, chosen, provinceCode, chosenLevel),
                new PageResult.Request(Math.max(page, 0), 25));
        model.addAttribute("result", result);
        model.addAttribute("q", q);
        model.addAttribute("structure", chosen == null ? "all" : String.valueOf(chosen.year()));
        model.addAttribute("province", provinceCode);
        model.addAttribute("level", chosenLevel);
        model.addAttribute("provinces", units.provinces(chosen == null ? Structure.Y2025 : chosen));
        model.addAttribute("levels", UnitLevel.values());
        return htmx != null ? "units/search :: results" : "units/search";
    }

    @GetMapping("/units/{structure}/{code}")
    String detail(@PathVariable String structure, @PathVariable String code, Model model) {
        UnitId id = UnitId.of(structure, code);
        model.addAttribute("unit", units.get(id));
        model.addAttribute("successors", units.successors(id));
        model.addAttribute("predecessors", units.predecessors(id));
        return "units/detail";
    }

    private static Structure parseStructure(String text) {
        try {
            return Structure.of(text);
        } catch (TinhSoException e) {
            return Structure.Y2025;
        }
    }

    private static UnitLevel parseLevel(String text) {
        try {
            return UnitsApiController.level(text);
        } catch (TinhSoException e) {
            return null;
        }
    }
}
