/** A command was typed in a shape the bot cannot read; the message says what the shape should be. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A button whose pending choice is gone (expired, or never made in this chat). */
export class StaleButton extends Error {
  override name = 'StaleButton';
}
