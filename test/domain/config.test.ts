import { describe, expect, it } from 'vitest';
import { ConfigError, createConfig } from '../../src/config.js';

describe('configuration', () => {
  it('when nothing is set, then it uses the documented defaults', () => {
    const config = createConfig({});
    expect(config).toMatchObject({
      port: 8000,
      host: '127.0.0.1',
      databaseUrl: 'file:./data/ledger.db',
      logLevel: 'info',
      bcryptCost: 12,
      databasePoolSize: 10,
      databaseStatementTimeoutMs: 30_000,
    });
  });

  it('when PostgreSQL settings are given, then they are read', () => {
    const config = createConfig({
      DATABASE_URL: 'postgresql://ledger@db.internal:5432/ledger',
      DATABASE_POOL_SIZE: '25',
      DATABASE_STATEMENT_TIMEOUT_MS: '5000',
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgresql://ledger@db.internal:5432/ledger',
      databasePoolSize: 25,
      databaseStatementTimeoutMs: 5000,
    });
  });

  it('when values are set, then they are read', () => {
    const config = createConfig({ PORT: '9001', HOST: '0.0.0.0', BCRYPT_COST: '4', LOG_LEVEL: 'warn' });
    expect(config).toMatchObject({ port: 9001, host: '0.0.0.0', bcryptCost: 4, logLevel: 'warn' });
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['BCRYPT_COST', '3'],
    ['LOG_LEVEL', 'loud'],
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['DATABASE_POOL_SIZE', '0'],
    ['DATABASE_STATEMENT_TIMEOUT_MS', '-1'],
  ])('when %s is %j, then start-up fails naming the variable', (name, value) => {
    expect(() => createConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => createConfig({ [name]: value })).toThrow(name);
  });
});
