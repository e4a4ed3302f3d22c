import { z } from 'zod';
import type { Actor } from '../src/domain/actor.js';
import { fingerprintOf } from '../src/domain/idempotency/fingerprint.js';
import { ENTRY_TYPES } from '../src/domain/ledger/ledger-entry.entity.js';
import type { Services } from '../src/domain/services.js';
import { balancePhrase, entryPhrase } from './format.js';
import { undoKeyboard } from './keyboards/undo.js';
import type { PendingEntry } from './state/pending-choices.js';

// What the idempotency store keeps, so a replay answers exactly as the first time.
const postedSchema = z.object({
  customerId: z.number(),
  customerName: z.string(),
  entryId: z.number(),
  type: z.enum(ENTRY_TYPES),
  amount: z.number(),
  note: z.string(),
  balance: z.number(),
});

export type Target = { customerId: number } | { createName: string };

/**
 * Posts a chat entry exactly once per message: the key derives from the chat and message, and the
 * customer creation (if asked) commits together with the entry.
 */
export async function postEntry(services: Services, actor: Actor, entry: PendingEntry, target: Target) {
  const request = { via: 'telegram', type: entry.type, amount: entry.amount, note: entry.note, target };
  const { replayed, result } = await services.idempotency.run(
    { ownerId: actor.ownerId, key: entry.key, fingerprint: fingerprintOf(request) },
    postedSchema,
    async () => {
      const customerId = 'customerId' in target ? target.customerId : (await services.customers.create(actor, { name: target.createName })).id;
      const posted = await services.ledger.post(actor, customerId, { type: entry.type, amountMinor: entry.amount, note: entry.note });
      return {
        customerId,
        customerName: posted.customerName,
        entryId: posted.entry.id,
        type: entry.type,
        amount: posted.entry.amount,
        note: posted.entry.note,
        balance: posted.totals.balance,
      };
    },
  );
  const lines = [
    `${replayed ? 'Already recorded' : 'Recorded'}: ${entryPhrase(result.type, result.amount)} — ${result.customerName}` +
      (result.note ? ` (${result.note})` : ''),
    `${balancePhrase(result.customerName, result.balance)}.`,
  ];
  return { text: lines.join('\n'), keyboard: undoKeyboard(result.customerId, result.entryId) };
}
