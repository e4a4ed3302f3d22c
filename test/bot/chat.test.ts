import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { en } from './support.js';
import { openDatabase } from '../../src/db/orm.js';
import { systemClock } from '../../src/domain/clock.js';
import { createServices } from '../../src/domain/services.js';
import { ROOT } from '../support/process.js';

const dir = mkdtempSync(join(tmpdir(), 'mini-ledger-chat-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `npm run chat` (tsx bot/chat.ts) with typed lines on stdin; resolves with everything it printed. */
function chat(lines: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bot/chat.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATABASE_URL: `file:${join(dir, 'chat.db')}` },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  child.stdin.end(`${lines.join('\n')}\n`);
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

describe('npm run chat', () => {
  it('when commands are typed, then the same bot answers them in the console, with numbered buttons, and quits at end of input', async () => {
    const db = await openDatabase({ databaseUrl: `file:${join(dir, 'chat.db')}`, sqliteBusyTimeoutMs: 5000 });
    await db.migrate();
    const { token } = await createServices({ em: db.em, clock: systemClock, bcryptCost: 4 }).auth.register({
      username: 'console-shop',
      password: 'password123',
    });
    await db.close();

    const { code, output } = await chat(['/help', '/credit Bob 5', `/link ${token}`, '/credit Bob 5 tea', '1', 'hello']);
    expect(code).toBe(0);
    expect(output).toContain('bot> I keep your customer ledger. Commands:');
    expect(output).toContain(`bot> ${en('how-to-link')}`);
    expect(output).toContain('merchant console-shop');
    expect(output).toContain('bot> No customer is named "Bob". Which did you mean? Nothing is posted until you choose.\n  [1] Add Bob · 5.00 · tea\n  [2] Cancel');
    expect(output).toContain('bot (edited)> Recorded: credit 5.00 (you gave) — Bob (tea)\nBob owes you 5.00.\n  [1] Undo');
    expect(output).toContain('bot> Send me a command, for example /credit Alice 500.');
  });
});
