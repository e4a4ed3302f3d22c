import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createRuntime } from '../../src/runtime.js';
import { runToExit, tsxArgs } from '../support/process.js';
import { en } from './support.js';

const dir = mkdtempSync(join(tmpdir(), 'mini-ledger-chat-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `npm run chat` (tsx bot/chat.ts) with typed lines on stdin; resolves with everything it printed. */
const chat = (lines: string[], db = join(dir, 'chat.db')) => runToExit(tsxArgs('bot/chat.ts'), { DATABASE_URL: `file:${db}` }, `${lines.join('\n')}\n`);

/** A merchant on that database, registered through the runtime as the service would. */
async function merchantOn(db: string, username: string): Promise<string> {
  const runtime = await createRuntime(createConfig({ DATABASE_URL: `file:${db}`, BCRYPT_COST: '4', LOG_LEVEL: 'silent' }), { logger: createLogger('silent') });
  try {
    return (await runtime.services.auth.register({ username, password: 'password123' })).token;
  } finally {
    await runtime.stop();
  }
}

describe('npm run chat', () => {
  it('when commands are typed, then the same bot answers them in the console, with numbered buttons, and quits at end of input', async () => {
    const token = await merchantOn(join(dir, 'chat.db'), 'console-shop');

    const { code, output } = await chat(['/help', '/credit Bob 5', `/link ${token}`, '/credit Bob 5 tea', '1', 'hello']);
    expect(code).toBe(0);
    expect(output).toContain('bot> I keep your customer ledger. Commands:');
    expect(output).toContain(`bot> ${en('how-to-link')}`);
    expect(output).toContain('merchant console-shop');
    expect(output).toContain('bot> No customer is named "Bob". Which did you mean? Nothing is posted until you choose.\n  [1] Add Bob · 5.00 · tea\n  [2] Cancel');
    expect(output).toContain('bot (edited)> Recorded: credit 5.00 (you gave) — Bob (tea)\nBob owes you 5.00.\n  [1] Undo');
    expect(output).toContain('bot> Send me a command, for example /credit Alice 500.');
  });

  it('when the console is run a second time on the same database, then its commands are new, not replays of the first run (fault 11)', async () => {
    const db = join(dir, 'again.db');
    const token = await merchantOn(db, 'again-shop');
    const lines = [`/link ${token}`, '/add Bob', '/credit Bob 5'];
    const first = await chat(lines, db);
    const second = await chat(lines.slice(0, 1).concat('/credit Bob 5'), db);
    expect(first.output).toContain('bot> Recorded: credit 5.00');
    expect(second.output).toContain('bot> Recorded: credit 5.00');
    expect(second.output).not.toContain('Already recorded');
  });
});
