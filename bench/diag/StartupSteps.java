package vn.tinhso.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.StartupStep;

/**
 * Diagnostic launcher (not part of the benchmark figures): starts a Spring Boot application, given as
 * the system property {@code steps.main}, with Spring's {@link BufferingApplicationStartup}, prints
 * where the start-up time went (self time of each step, children excluded) and exits. Run inside the
 * application's own jar by bench/startup-steps.sh through Spring Boot's PropertiesLauncher.
 */
public final class StartupSteps {

    public static void main(String[] args) throws Exception {
        Class<?> main = Class.forName(System.getProperty("steps.main"), true,
                Thread.currentThread().getContextClassLoader());
        SpringApplication app = new SpringApplication(main);
        BufferingApplicationStartup startup = new BufferingApplicationStartup(100_000);
        app.setApplicationStartup(startup);
        long t0 = System.nanoTime();
        ConfigurableApplicationContext context = app.run(args);
        long total = (System.nanoTime() - t0) / 1_000_000;
        List<TimelineEvent> events = startup.getBufferedTimeline().getEvents();
        Map<Long, Long> childTime = new HashMap<>();
        for (TimelineEvent e : events) {
            Long parent = e.getStartupStep().getParentId();
            if (parent != null) {
                childTime.merge(parent, e.getDuration().toNanos(), Long::sum);
            }
        }
        record Row(String name, String what, long selfNanos, long totalNanos) {
        }
        List<Row> rows = new ArrayList<>();
        Map<String, long[]> byStep = new HashMap<>();
        for (TimelineEvent e : events) {
            StartupStep s = e.getStartupStep();
            long self = e.getDuration().toNanos() - childTime.getOrDefault(s.getId(), 0L);
            StringBuilder what = new StringBuilder();
            for (StartupStep.Tag tag : s.getTags()) {
                if (tag.getKey().equals("beanName") || tag.getKey().equals("beanType") || tag.getKey().equals("listener")
                        || tag.getKey().equals("postProcessor") || tag.getKey().equals("classCount")) {
                    what.append(what.isEmpty() ? "" : " ").append(tag.getKey()).append('=').append(tag.getValue());
                }
            }
            String bean = null;
            for (StartupStep.Tag tag : s.getTags()) {
                if (tag.getKey().equals("beanName")) {
                    bean = tag.getValue();
                }
            }
            if (bean != null && !what.toString().contains("beanType=")) {
                try {
                    Class<?> type = context.getBeanFactory().getType(bean, false);
                    if (type != null) {
                        what.append(" type=").append(type.getName());
                    }
                } catch (RuntimeException ignored) {
                    // a bean that cannot tell its type any more
                }
            }
            rows.add(new Row(s.getName(), what.toString(), self, e.getDuration().toNanos()));
            byStep.computeIfAbsent(s.getName(), k -> new long[2])[0] += self;
            byStep.get(s.getName())[1]++;
        }
        System.out.printf("%n=== StartupSteps: SpringApplication.run took %d ms (JVM up %d ms at its end); %d steps%n",
                total, java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime(), events.size());
        System.out.println("--- self time by step kind (ms, count)");
        byStep.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).limit(15)
                .forEach(e -> System.out.printf("%8.0f  %5d  %s%n", e.getValue()[0] / 1e6, e.getValue()[1], e.getKey()));
        System.out.println("--- the 40 steps with the largest self time (ms self / ms total)");
        rows.stream().sorted(Comparator.comparingLong(Row::selfNanos).reversed()).limit(40)
                .forEach(r -> System.out.printf("%8.0f %8.0f  %s %s%n", r.selfNanos() / 1e6, r.totalNanos() / 1e6, r.name(), r.what()));
        Map<String, long[]> byArea = new HashMap<>();
        for (Row r : rows) {
            if (r.name().startsWith("spring.beans.")) {
                long[] acc = byArea.computeIfAbsent(area(r.what()), k -> new long[2]);
                acc[0] += r.selfNanos();
                acc[1]++;
            }
        }
        System.out.println("--- bean creation self time by area, guessed from bean names and types (ms, beans)");
        byArea.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                .forEach(e -> System.out.printf("%8.0f  %5d  %s%n", e.getValue()[0] / 1e6, e.getValue()[1], e.getKey()));
        context.close();
        System.exit(0);
    }

    private static final String[][] AREAS = {
            {"embedded PostgreSQL + pool", "beanName=dataSource "},
            {"application (vn.tinhso)", "vn.tinhso"},
            {"security / oauth2", "security", "oauth2", "passwordencoder", "authentication"},
            {"springdoc / openapi", "springdoc", "openapi", "swagger", "modelconverter"},
            {"session (jdbc)", "session"},
            {"flyway", "flyway"},
            {"modulith / events", "modulith", "eventpublication", "event"},
            {"actuator / metrics", "actuator", "endpoint", "health", "metric", "micrometer", "prometheus", "meter", "observation"},
            {"data jdbc / jdbc / tx", "jdbc", "transaction", "relational", "data."},
            {"thymeleaf", "thymeleaf", "template"},
            {"tomcat / web server", "tomcat", "webserver", "servlet"},
            {"web mvc / jackson / validation", "mvc", "handler", "jackson", "converter", "validat", "resource", "locale", "multipart"},
            {"messages / i18n", "message"},
            {"mail", "mail"},
            {"task / scheduling", "task", "schedul", "executor"},
    };

    private static String area(String what) {
        String w = what.toLowerCase(java.util.Locale.ROOT);
        for (String[] a : AREAS) {
            for (int i = 1; i < a.length; i++) {
                if (w.contains(a[i].toLowerCase(java.util.Locale.ROOT))) {
                    return a[0];
                }
            }
        }
        return "other";
    }
}
