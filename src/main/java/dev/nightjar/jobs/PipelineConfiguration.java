package dev.nightjar.jobs;

import dev.nightjar.Workspace;
import dev.nightjar.connectors.ConnectorContext;
import dev.nightjar.connectors.ConnectorRegistry;
import javax.sql.DataSource;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Spring wiring of the pipeline. The store's own data source is the one Spring Batch uses, so a chunk's
 * documents, cursor and ExecutionContext commit in one transaction. The {@link Workspace} is registered
 * by whoever starts the context (CLI, tests).
 */
@Configuration(proxyBeanMethods = false)
public class PipelineConfiguration {

    @Bean
    DataSource dataSource(Workspace ws) {
        return ws.database().dataSource();
    }

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new DataSourceTransactionManager(dataSource);
    }

    @Bean
    @ConditionalOnMissingBean
    ConnectorRegistry connectorRegistry() {
        return ConnectorRegistry.builtIn();
    }

    @Bean
    @ConditionalOnMissingBean
    ConnectorContext connectorContext(Workspace ws) {
        return ConnectorContext.production(ws.env());
    }

    @Bean
    SyncRunner syncRunner(Workspace ws, JobRepository repository, JobOperator operator, PlatformTransactionManager transactions,
                          ConnectorRegistry registry, ConnectorContext context) {
        return new SyncRunner(ws, repository, operator, transactions, registry, context);
    }
}
