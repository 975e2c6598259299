package vn.tinhso.reports;

/** How urgent a report is; it sets the handling deadline (tinhso.reports.deadlines). */
public enum Severity {
    URGENT, NORMAL, COMPLEX
}
