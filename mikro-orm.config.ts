// The MikroORM CLI's entry (`npm run orm -- …`): the same options the service uses.
import { createConfig } from './src/config.js';
import { createOrmOptions } from './src/db/orm-options.js';

const config = createConfig(process.env);

export default createOrmOptions({
  databaseUrl: config.databaseUrl,
  sqliteBusyTimeoutMs: config.sqliteBusyTimeoutMs,
  poolSize: config.databasePoolSize,
  statementTimeoutMs: config.databaseStatementTimeoutMs,
});
