import { ChatSettingSchema } from '../../bot/state/chat-setting.entity.js';
import { ChoiceSchema } from '../../bot/state/choice.entity.js';
import { DeletionSchema } from '../../bot/state/deletion.entity.js';
import { LinkAttemptSchema } from '../../bot/state/link-attempt.entity.js';
import { SeenUpdateSchema } from '../../bot/state/seen-update.entity.js';
import { ApiTokenSchema } from '../domain/auth/api-token.entity.js';
import { ShareLinkSchema } from '../domain/sharing/share-link.entity.js';
import { OutboxSchema, SubscribeCodeSchema, SubscriptionSchema } from '../domain/updates/subscription.entity.js';
import { AppSecretSchema } from './app-secret.entity.js';
import { UserSchema } from '../domain/auth/user.entity.js';
import { ChatLinkSchema } from '../domain/chat-links/chat-link.entity.js';
import { LinkCodeSchema } from '../domain/chat-links/link-code.entity.js';
import { LinkEndSchema } from '../domain/chat-links/link-end.entity.js';
import { CustomerSchema } from '../domain/customers/customer.entity.js';
import { IdempotencyKeySchema } from '../domain/idempotency/idempotency-key.entity.js';
import { CustomerDaySchema } from '../domain/ledger/customer-day.entity.js';
import { LedgerEntrySchema } from '../domain/ledger/ledger-entry.entity.js';
import { MerchantTotalsSchema } from '../domain/ledger/merchant-totals.entity.js';

/** Every table the ORM knows: the domain's feature modules, and the bot's own Telegram bookkeeping. */
export const entities = [
  UserSchema,
  ApiTokenSchema,
  CustomerSchema,
  LedgerEntrySchema,
  MerchantTotalsSchema,
  CustomerDaySchema,
  ShareLinkSchema,
  SubscriptionSchema,
  SubscribeCodeSchema,
  OutboxSchema,
  AppSecretSchema,
  IdempotencyKeySchema,
  ChatLinkSchema,
  LinkCodeSchema,
  LinkEndSchema,
  SeenUpdateSchema,
  ChoiceSchema,
  DeletionSchema,
  LinkAttemptSchema,
  ChatSettingSchema,
];
