// `npm run verify`: recomputes every customer's totals from its entries and every merchant's from its
// customers; exit 0 when all agree,
// 1 on any mismatch, 2 when the check could not run. Reads the same environment as `npm start`.
import { existsSync } from 'node:fs';
import { ConfigError, createConfig } from './config.js';
import { dialectOf, sqlitePathFromUrl } from './db/orm-options.js';
import { formatMinor } from './domain/money.js';
import { createLogger } from './logger.js';
import { createRuntime } from './runtime.js';

async function verify(): Promise<number> {
  const config = createConfig(process.env);
  const path = sqlitePathFromUrl(config.databaseUrl);
  // Checking must never create an empty database where an operator mistyped a path.
  if (dialectOf(config.databaseUrl) === 'sqlite' && path !== ':memory:' && !existsSync(path)) {
    process.stderr.write(`verify: no database at ${path} (DATABASE_URL)\n`);
    return 2;
  }
  // Read-only: no migrations, no bot, no shared limits; one connection is enough.
  const runtime = await createRuntime(
    { ...config, databasePoolSize: 1, redisUrl: null, telegram: { mode: 'off' } },
    { migrate: false, logger: createLogger('silent') },
  );
  try {
    const report = await runtime.services.ledger.checkIntegrity();
    // The undone total is named only when it is the one that disagrees.
    for (const m of report.mismatches) {
      const reversed = (t: { reversed: bigint }) => (m.stored.reversed === m.fromEntries.reversed ? '' : ` reversed ${formatMinor(t.reversed)}`);
      process.stdout.write(
        `MISMATCH customer ${m.customerId} (owner ${m.ownerId}): stored credit ${formatMinor(m.stored.credit)} debit ${formatMinor(m.stored.debit)}${reversed(m.stored)}, ` +
          `from entries credit ${formatMinor(m.fromEntries.credit)} debit ${formatMinor(m.fromEntries.debit)}${reversed(m.fromEntries)}\n`,
      );
    }
    for (const m of report.merchantMismatches) {
      const shown = (field: string, v: bigint) => (field.startsWith('customers') ? String(v) : formatMinor(v));
      const parts = Object.entries(m.fields).map(([field, [stored, actual]]) => `${field} stored ${shown(field, stored)}, from customers ${shown(field, actual)}`);
      process.stdout.write(`MISMATCH merchant ${m.ownerId}: ${parts.join('; ')}\n`);
    }
    for (const d of report.dayMismatches) {
      const shown = (field: string, v: bigint) => (field === 'entries' ? String(v) : formatMinor(v));
      const parts = Object.entries(d.fields).map(([field, [stored, actual]]) => `${field} stored ${shown(field, stored)}, from entries ${shown(field, actual)}`);
      process.stdout.write(`MISMATCH day ${d.entryDate} of customer ${d.customerId}: ${parts.join('; ')}\n`);
    }
    for (const r of report.badReversals) {
      process.stdout.write(`BAD REVERSAL entry ${r.entryId} does not mirror entry ${r.reversesId}\n`);
    }
    const problems = report.mismatches.length + report.merchantMismatches.length + report.dayMismatches.length + report.badReversals.length;
    process.stdout.write(
      `verify: ${report.customers} customers, ${report.entries} entries: ` +
        (problems === 0 ? 'every total matches its entries\n' : `${problems} problem(s) found\n`),
    );
    return problems === 0 ? 0 : 1;
  } finally {
    await runtime.stop();
  }
}

verify().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : String(error);
    process.stderr.write(`verify could not run: ${message}\n`);
    process.exit(2);
  },
);
