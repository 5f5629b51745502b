package dev.nightjar;

import dev.nightjar.jobs.PipelineConfiguration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The Spring Boot application behind `sync`, `serve` and `demo` (the other commands need no Spring and
 * start in a fraction of the time). No component scanning: every bean comes from an imported
 * configuration, so what runs is visible here.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(PipelineConfiguration.class)
public class NightjarApplication {

    public enum Mode { SYNC, SERVE }

    /**
     * Starts the context around an open workspace.
     *
     * @param extraBeans beans to register before the configurations run (tests: a ConnectorContext)
     */
    public static ConfigurableApplicationContext start(Workspace ws, Mode mode, Map<String, Object> extraBeans,
                                                       Map<String, Object> properties, Class<?>... configurations) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("spring.main.banner-mode", "off");
        props.put("spring.main.log-startup-info", "false");
        props.put("spring.batch.job.enabled", "false");              // jobs run when we say, not at start-up
        props.put("spring.batch.jdbc.initialize-schema", "never");   // Flyway owns the schema (V2)
        props.put("spring.jmx.enabled", "false");
        if (mode == Mode.SYNC) {
            props.put("spring.autoconfigure.exclude", "org.springframework.boot.quartz.autoconfigure.QuartzAutoConfiguration");
        }
        props.putAll(properties);
        Class<?>[] sources = new Class<?>[configurations.length + 1];
        sources[0] = NightjarApplication.class;
        System.arraycopy(configurations, 0, sources, 1, configurations.length);
        return new SpringApplicationBuilder(sources)
                .web(mode == Mode.SERVE ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                .properties(props)
                .initializers(ctx -> {
                    ctx.getBeanFactory().registerSingleton("workspace", ws);
                    extraBeans.forEach((name, bean) -> ctx.getBeanFactory().registerSingleton(name, bean));
                })
                .registerShutdownHook(false)
                .run();
    }
}
