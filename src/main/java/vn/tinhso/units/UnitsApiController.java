package vn.tinhso.units;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.PageResult;
import vn.tinhso.shared.TinhSoException;

/** Public read API of administrative units and agencies; agencies are changed by administrators. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Units", description = "Administrative units (2024 three-level, 2025 two-level) and agencies")
class UnitsApiController {

    private final UnitManagement units;
    private final AgencyManagement agencies;

    UnitsApiController(UnitManagement units, AgencyManagement agencies) {
        this.units = units;
        this.agencies = agencies;
    }

    @GetMapping("/units")
    @PreAuthorize("permitAll()")
    @Operation(summary = "Search units by name, diacritics and case ignored, in Vietnamese order")
    PageResult<Unit> search(@RequestParam(required = false) String q,
            @RequestParam(required = false) String structure, @RequestParam(required = false) String province,
            @RequestParam(required = false) String level, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        if (province != null && !province.isBlank()) {
            new UnitCode(province.strip());
        }
        UnitQuery query = new UnitQuery(q, structure == null || structure.isBlank() ? null : Structure.of(structure),
                province == null || province.isBlank() ? null : province.strip(), level(level));
        return units.search(query, new PageResult.Request(page, size));
    }

    @GetMapping("/units/{structure}/{code}")
    @PreAuthorize("permitAll()")
    @Operation(summary = "One unit, identified by structure (2024 or 2025) and code")
    Unit unit(@PathVariable String structure, @PathVariable String code) {
        return units.get(UnitId.of(structure, code));
    }

    @GetMapping("/units/{structure}/{code}/successors")
    @PreAuthorize("permitAll()")
    @Operation(summary = "The 2025 units a 2024 unit became (one or more: split communes)")
    List<UnitConversion> successors(@PathVariable String structure, @PathVariable String code) {
        return units.successors(UnitId.of(structure, code));
    }

    @GetMapping("/units/{structure}/{code}/predecessors")
    @PreAuthorize("permitAll()")
    @Operation(summary = "The 2024 units a 2025 unit was made from")
    List<UnitConversion> predecessors(@PathVariable String structure, @PathVariable String code) {
        return units.predecessors(UnitId.of(structure, code));
    }

    @GetMapping("/agencies")
    @PreAuthorize("permitAll()")
    @Operation(summary = "Search agencies by name or code")
    PageResult<Agency> agencies(@RequestParam(required = false) String q,
            @RequestParam(required = false) AgencyLevel level, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return agencies.search(q, level, new PageResult.Request(page, size));
    }

    @GetMapping("/agencies/{id}")
    @PreAuthorize("permitAll()")
    Agency agency(@PathVariable long id) {
        return agencies.get(id);
    }

    @PostMapping("/agencies")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Create an agency (administrators)")
    Agency create(@Valid @RequestBody AgencyForm form) {
        return agencies.create(form);
    }

    @PutMapping("/agencies/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Change an agency (administrators)")
    Agency update(@PathVariable long id, @Valid @RequestBody AgencyForm form) {
        return agencies.update(id, form);
    }

    static UnitLevel level(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UnitLevel.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TinhSoException(ErrorCode.VALIDATION_FAILED, "level", "level");
        }
    }
}
