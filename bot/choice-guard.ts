import type { Actor } from '../src/domain/actor.js';
import type { BotContext } from './context.js';
import { StaleButton } from './errors.js';
import type { StoredChoice } from './state/choices.js';

/**
 * The stored question a pressed button answers, if it still may be answered here: asked in this chat,
 * not expired, not cancelled, and asked under the merchant and link the chat has now (a relink,
 * unlink or logout kills every question asked before it).
 */
export async function pressedChoice(ctx: BotContext, actor: Actor, id: string, kind: string): Promise<StoredChoice> {
  const choice = ctx.chat ? await ctx.state.choices.get(id, String(ctx.chat.id)) : null;
  if (!choice || choice.kind !== kind) throw new StaleButton('choice-expired');
  if (choice.ownerId !== actor.ownerId || choice.apiTokenId !== (actor.tokenId ?? 0)) throw new StaleButton('choice-other-link');
  if (choice.state === 'cancelled') throw new StaleButton('choice-cancelled');
  return choice;
}
