/**
 * Notification: e-mail and in-app messages, sent in reaction to other modules' events (never called
 * by them). A message that cannot be sent leaves its event publication incomplete, to be retried.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification",
        allowedDependencies = {"shared", "identity", "services", "reports", "opendata"})
package vn.tinhso.notification;
