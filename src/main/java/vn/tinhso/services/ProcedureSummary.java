package vn.tinhso.services;

import java.util.List;

/** A procedure in a search result. {@code days} is the shortest processing time offered, in working days. */
public record ProcedureSummary(String code, String name, String domainCode, String domainName,
        List<Procedure.Level> levels, String agencyCode, String agencyName, Procedure.OnlineLevel onlineLevel,
        ProcedureStatus status, Integer days, Integer hours, boolean demo) {
}
