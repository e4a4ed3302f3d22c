/**
 * The bot's own refusals: Telegram rules, not ledger rules. Each carries the words the user sees;
 * the error boundary answers with them, as it answers domain errors with theirs.
 */
export class BotRefusal extends Error {}

/** A command was typed in a shape the bot cannot read; the message says what the shape should be. */
export class UsageError extends BotRefusal {
  override name = 'UsageError';
}

/** A button whose pending choice is gone (expired, or never made in this chat). */
export class StaleButton extends BotRefusal {
  override name = 'StaleButton';
}

/** The chat is not linked to a merchant: answered with how to link; nothing changed. */
export class ChatNotLinked extends BotRefusal {
  override name = 'ChatNotLinked';
}

export class LinkOnlyInPrivateChat extends BotRefusal {
  override name = 'LinkOnlyInPrivateChat';
  constructor() {
    super('A ledger can be linked only to a private chat: in a group every member could read and change it.');
  }
}

export class TooManyLinkAttempts extends BotRefusal {
  override name = 'TooManyLinkAttempts';
  constructor() {
    super('Too many failed link attempts from this chat; wait a minute.');
  }
}
