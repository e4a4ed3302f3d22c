import type { EntryType } from '../src/domain/ledger/ledger-entry.entity.js';
import { formatMinor } from '../src/domain/money.js';

/** "Alice owes you 300.00" / "You owe Alice 20.00" / "Alice is settled up". */
export function balancePhrase(name: string, balance: number | bigint): string {
  if (balance > 0) return `${name} owes you ${formatMinor(balance)}`;
  if (balance < 0) return `You owe ${name} ${formatMinor(-BigInt(balance))}`;
  return `${name} is settled up (0.00)`;
}

/** "credit 500.00" */
export function entryShort(type: EntryType, amount: number): string {
  return `${type} ${formatMinor(amount)}`;
}

/** "credit 500.00 (you gave)" */
export function entryPhrase(type: EntryType, amount: number): string {
  return `${entryShort(type, amount)} (${type === 'credit' ? 'you gave' : 'you got'})`;
}

/** Telegram refuses messages over 4096 characters; long notes are shortened in lists. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
