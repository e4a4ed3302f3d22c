/** A command was typed in a shape the bot cannot read; the message says what the shape should be. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A button whose pending choice is gone (expired, or the bot restarted). */
export class StaleButton extends Error {
  override name = 'StaleButton';
}
