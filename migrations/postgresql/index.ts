import type { MigrationEntry } from '../../src/db/migration-list.js';

/**
 * Every PostgreSQL migration, in order (see migrations/sqlite/index.ts for why they are listed).
 * The SQLite and PostgreSQL folders each hold the full history for their dialect.
 */
export const postgresMigrations: MigrationEntry[] = [
  { name: 'Migration20261124075341_init', load: () => import('./Migration20261124075341_init.js') },
  { name: 'Migration20261124080651_telegram_shared_state', load: () => import('./Migration20261124080651_telegram_shared_state.js') },
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
