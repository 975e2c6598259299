/**
 * Audit: the append-only, hash-chained trail of every state change and security event. It listens
 * to every {@link vn.tinhso.shared.AuditableEvent}; no module calls it to record anything.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = "shared")
package vn.tinhso.audit;
