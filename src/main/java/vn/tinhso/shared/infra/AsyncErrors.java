package vn.tinhso.shared.infra;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;

/**
 * Failures of asynchronous event listeners are expected (a mail server down) and not lost: the
 * event stays in the publication registry and is retried. One warning line says so; the stack
 * trace is kept for debug logging, so that an outage does not flood the log.
 */
@Configuration(proxyBeanMethods = false)
class AsyncErrors implements AsyncConfigurer {

    private static final Logger log = LoggerFactory.getLogger(AsyncErrors.class);

    @Override
    public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
        return (error, method, params) -> {
            log.warn("{}.{} failed: {} (an event of a module listener stays registered and is retried)",
                    method.getDeclaringClass().getSimpleName(), method.getName(), error.toString());
            log.debug("Stack trace of the failure above", error);
        };
    }
}
