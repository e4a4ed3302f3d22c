// The MikroORM CLI's entry (`npm run orm -- …`): the same options the service uses.
import { createConfig } from './src/config.js';
import { createOrmOptions, dialectOf, withMigrator } from './src/db/orm-options.js';

const config = createConfig(process.env);

const options = await createOrmOptions({
  databaseUrl: config.databaseUrl,
  sqliteBusyTimeoutMs: config.sqliteBusyTimeoutMs,
  poolSize: config.databasePoolSize,
  statementTimeoutMs: config.databaseStatementTimeoutMs,
});

// The CLI creates and runs migrations, so it gets the migrator the service loads only when one is pending.
export default withMigrator(options, dialectOf(config.databaseUrl));
