/**
 * Domain errors name what went wrong and carry a stable machine code.
 * They never carry transport details: HTTP and the bot each map them once.
 */
export type ErrorKind = 'invalid' | 'not_found' | 'conflict' | 'unauthorized';

export type FieldErrors = Record<string, string>;

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly fields: FieldErrors = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class InvalidInput extends DomainError {
  constructor(message: string, fields: FieldErrors = {}, code = 'invalid_input') {
    super('invalid', code, message, fields);
  }
}

export class InvalidAmount extends InvalidInput {
  constructor(hint: string) {
    super(`Invalid amount: ${hint}.`, { amount: hint }, 'invalid_amount');
  }
}

export class UsernameTaken extends DomainError {
  constructor() {
    super('conflict', 'username_taken', 'A user with that username already exists.', {
      username: 'A user with that username already exists.',
    });
  }
}

export class InvalidCredentials extends DomainError {
  constructor() {
    super('unauthorized', 'invalid_credentials', 'Invalid credentials');
  }
}

export class InvalidToken extends DomainError {
  constructor() {
    super('unauthorized', 'invalid_token', 'Invalid token.');
  }
}

export class CustomerNotFound extends DomainError {
  constructor() {
    super('not_found', 'customer_not_found', 'Customer not found.');
  }
}

export class EntryNotFound extends DomainError {
  constructor() {
    super('not_found', 'entry_not_found', 'Entry not found.');
  }
}

export class AlreadyReversed extends DomainError {
  constructor() {
    super('conflict', 'already_reversed', 'This entry has already been reversed.');
  }
}

export class CannotReverseReversal extends DomainError {
  constructor() {
    super('conflict', 'cannot_reverse_reversal', 'A reversing entry cannot itself be reversed.');
  }
}

export class TotalsLimitExceeded extends DomainError {
  constructor() {
    super('conflict', 'totals_limit_exceeded', "This entry would take the customer's totals past the largest amount the ledger keeps exactly.");
  }
}

export class IdempotencyKeyReused extends DomainError {
  constructor() {
    super('conflict', 'idempotency_key_reused', 'This Idempotency-Key was already used with a different request.');
  }
}

export class NotAuthenticated extends DomainError {
  constructor() {
    super('unauthorized', 'not_authenticated', 'Authentication credentials were not provided.');
  }
}

export class InvalidLinkCode extends DomainError {
  constructor() {
    super('unauthorized', 'invalid_link_code', 'This link code is unknown, used or expired.');
  }
}

export class TelegramLinkNotFound extends DomainError {
  constructor() {
    super('not_found', 'telegram_link_not_found', 'Linked chat not found.');
  }
}

export class NothingToUndo extends DomainError {
  constructor() {
    super('not_found', 'nothing_to_undo', 'This chat has posted no entry that can be undone.');
  }
}

export class TokenRequired extends DomainError {
  constructor() {
    super('unauthorized', 'token_required', 'Linking a chat needs a call authenticated with an API token.');
  }
}

export class CustomerLimitReached extends DomainError {
  constructor(limit: number) {
    super('conflict', 'customer_limit_reached', `A merchant can keep at most ${limit} customers.`);
  }
}

/** One row of an import that cannot be taken, and why (the row as a spreadsheet numbers it: the header is 1). */
export type ImportRowError = { row: number; field: string; error: string };

export class ImportInvalid extends InvalidInput {
  constructor(readonly rows: ImportRowError[]) {
    super(`${rows.length} row${rows.length === 1 ? '' : 's'} cannot be imported; nothing was imported.`, {}, 'import_invalid');
  }
}

export class ShareLinkNotFound extends DomainError {
  constructor() {
    super('not_found', 'share_link_not_found', 'Share link not found.');
  }
}

export class SubscriberNotFound extends DomainError {
  constructor() {
    super('not_found', 'subscriber_not_found', 'Subscriber not found.');
  }
}

/** A subscribe code that is unknown, used, expired, or whose link has ended. */
export class InvalidSubscribeCode extends DomainError {
  constructor() {
    super('unauthorized', 'invalid_subscribe_code', 'This link for updates is unknown, used or expired.');
  }
}

/** Updates go to one person's chat, never a group. */
export class GroupCannotSubscribe extends DomainError {
  constructor() {
    super('invalid', 'group_cannot_subscribe', 'Updates can be sent to a private chat only.');
  }
}
