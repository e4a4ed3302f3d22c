import type { MigrationEntry } from '../../src/db/migration-list.js';

/**
 * Every migration, in order. Listed explicitly so they run the same under tsx, vitest and the CLI;
 * add a new file here after `npm run orm -- migration:create` (its class is named as its file). A file
 * is imported only when some migration is pending: an up-to-date database starts without the migrator.
 */
export const sqliteMigrations: MigrationEntry[] = [
  { name: 'Migration20261124073447_init', load: () => import('./Migration20261124073447_init.js') },
  { name: 'Migration20261124074758_telegram', load: () => import('./Migration20261124074758_telegram.js') },
  { name: 'Migration20261124080653_telegram_shared_state', load: () => import('./Migration20261124080653_telegram_shared_state.js') },
  { name: 'Migration20261202000000_names_and_choices', load: () => import('./Migration20261202000000_names_and_choices.js') },
  { name: 'Migration20261202000100_name_keys', load: () => import('./Migration20261202000100_name_keys.js') },
  { name: 'Migration20261202010000_bounded_work', load: () => import('./Migration20261202010000_bounded_work.js') },
  { name: 'Migration20261202020000_merchant_totals', load: () => import('./Migration20261202020000_merchant_totals.js') },
  { name: 'Migration20261202030000_customer_days', load: () => import('./Migration20261202030000_customer_days.js') },
  { name: 'Migration20261202040000_customer_side', load: () => import('./Migration20261202040000_customer_side.js') },
  { name: 'Migration20261202050000_languages', load: () => import('./Migration20261202050000_languages.js') },
  { name: 'Migration20261202060000_redundant_indexes', load: () => import('./Migration20261202060000_redundant_indexes.js') },
  { name: 'Migration20261204000000_outbox_in_order', load: () => import('./Migration20261204000000_outbox_in_order.js') },
];
