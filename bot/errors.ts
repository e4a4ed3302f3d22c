import type { TranslationVariables } from '@grammyjs/i18n';

/**
 * The bot's own refusals: Telegram rules and unreadable commands, not ledger rules. Each names the
 * message the user sees (a key of bot/locales) and its variables; the error boundary translates it.
 */
export class BotRefusal extends Error {
  constructor(
    readonly key: string,
    readonly vars: TranslationVariables = {},
  ) {
    super(key);
    this.name = new.target.name;
  }
}

/** A command was typed in a shape the bot cannot read; the message says what the shape should be. */
export class UsageError extends BotRefusal {}

/** A button whose question is gone (expired, cancelled, asked under another link) or not one this bot wrote. */
export class StaleButton extends BotRefusal {}

/** The chat is not linked to a merchant: answered with how to link; nothing changed. */
export class ChatNotLinked extends BotRefusal {
  constructor() {
    super('how-to-link');
  }
}

export class LinkOnlyInPrivateChat extends BotRefusal {
  constructor() {
    super('link-only-private');
  }
}

export class TooManyLinkAttempts extends BotRefusal {
  constructor() {
    super('link-too-many');
  }
}

/** A command that works only in a private chat. */
export class PrivateOnly extends BotRefusal {
  constructor() {
    super('private-only');
  }
}
