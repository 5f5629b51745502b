package db.migration;

import java.sql.Connection;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Spring Batch's job repository tables, from the schema script Spring Batch ships for this database
 * (H2 here, PostgreSQL for multi-node), so one Flyway history covers the whole database.
 */
public class V2__spring_batch_schema extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        String platform = product.contains("postgres") ? "postgresql" : product.contains("h2") ? "h2" : product;
        ClassPathResource script = new ClassPathResource("org/springframework/batch/core/schema-" + platform + ".sql");
        if (!script.exists()) {
            throw new IllegalStateException("Spring Batch ships no schema for database '" + product + "'");
        }
        ScriptUtils.executeSqlScript(connection, script);
    }
}
