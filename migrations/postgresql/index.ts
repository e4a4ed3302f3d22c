import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124075341_init } from './Migration20261124075341_init.js';
import { Migration20261124080651_telegram_shared_state } from './Migration20261124080651_telegram_shared_state.js';
import { Migration20261202000000_names_and_choices } from './Migration20261202000000_names_and_choices.js';
import { Migration20261202000100_name_keys } from './Migration20261202000100_name_keys.js';
import { Migration20261202010000_bounded_work } from './Migration20261202010000_bounded_work.js';
import { Migration20261202020000_merchant_totals } from './Migration20261202020000_merchant_totals.js';
import { Migration20261202030000_customer_days } from './Migration20261202030000_customer_days.js';
import { Migration20261202040000_customer_side } from './Migration20261202040000_customer_side.js';
import { Migration20261202050000_languages } from './Migration20261202050000_languages.js';
import { Migration20261202060000_redundant_indexes } from './Migration20261202060000_redundant_indexes.js';

/**
 * Every PostgreSQL migration, in order (see migrations/sqlite/index.ts for why they are listed).
 * The SQLite and PostgreSQL folders each hold the full history for their dialect.
 */
export const postgresMigrations: MigrationObject[] = [
  { name: 'Migration20261124075341_init', class: Migration20261124075341_init },
  { name: 'Migration20261124080651_telegram_shared_state', class: Migration20261124080651_telegram_shared_state },
  { name: 'Migration20261202000000_names_and_choices', class: Migration20261202000000_names_and_choices },
  { name: 'Migration20261202000100_name_keys', class: Migration20261202000100_name_keys },
  { name: 'Migration20261202010000_bounded_work', class: Migration20261202010000_bounded_work },
  { name: 'Migration20261202020000_merchant_totals', class: Migration20261202020000_merchant_totals },
  { name: 'Migration20261202030000_customer_days', class: Migration20261202030000_customer_days },
  { name: 'Migration20261202040000_customer_side', class: Migration20261202040000_customer_side },
  { name: 'Migration20261202050000_languages', class: Migration20261202050000_languages },
  { name: 'Migration20261202060000_redundant_indexes', class: Migration20261202060000_redundant_indexes },
];
