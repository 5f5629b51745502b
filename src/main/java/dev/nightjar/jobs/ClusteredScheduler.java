package dev.nightjar.jobs;

import dev.nightjar.store.Database;
import java.time.Duration;
import java.util.Properties;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Quartz's JDBC job store with clustering on, for `serve` nodes sharing an external database: the
 * nightly trigger lives in the {@code QRTZ_*} tables (migration V5), each fire time is acquired by
 * exactly one node under Quartz's row lock, and when a node stops checking in (it was killed) another
 * node re-fires the job it was running ({@code requestsRecovery}), which resumes the interrupted run.
 * The embedded H2 store keeps Quartz in memory as before: one machine, nothing to share.
 */
final class ClusteredScheduler {

    /**
     * How often a node records that it is alive. Quartz declares a node dead once it misses a check-in
     * by this much (plus a small grace), so this bounds how late a killed node's run is taken over.
     * Quartz's default is 7.5 s; 5 s recovers a little sooner at one cheap UPDATE per node every 5 s.
     */
    static final Duration CHECK_IN = Duration.ofSeconds(5);

    private ClusteredScheduler() {
    }

    /** Configures {@code factory} for the cluster when {@code db} is external; leaves it alone otherwise. */
    static void configure(SchedulerFactoryBean factory, Database db, PlatformTransactionManager transactions) {
        if (!db.external()) return;
        factory.setDataSource(db.dataSource());
        factory.setTransactionManager(transactions);
        // the config files are the source of the schedule: a node started with a changed cron replaces the stored trigger
        factory.setOverwriteExistingJobs(true);
        factory.setQuartzProperties(properties(db.vendor()));
    }

    static Properties properties(String vendor) {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", "nightjar");   // one cluster per database
        p.setProperty("org.quartz.scheduler.instanceId", "AUTO");         // host name + time: unique per node
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(CHECK_IN.toMillis()));
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "postgresql".equals(vendor)
                ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate" : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        p.setProperty("org.quartz.threadPool.threadCount", "2");
        return p;
    }
}
