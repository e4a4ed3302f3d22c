import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type BotApiBehaviour =
  /** Accepts every connection and never answers. */
  | 'hang'
  /** getMe works; every other method answers 500. */
  | 'only-getme'
  /** Everything answers as Telegram would (true, or an empty update list). */
  | 'healthy';

/** A sendMessage the fake was asked for, and whether it answered it (a held one never is). */
export type FakeMessage = { chatId: number; text: string; answered: boolean };

export type FakeBotApi = {
  url: string;
  methods: string[];
  /** Every call's method and JSON parameters, in order. */
  calls: Array<{ method: string; params: Record<string, unknown> }>;
  /** Every sendMessage asked for, in order. */
  messages: FakeMessage[];
  /** Decides per sendMessage whether to answer it or hold it unanswered (a send cut off by a crash). */
  holdWhen(rule: ((m: { chatId: number; text: string }) => boolean) | null): void;
  /** Hands this update to the next getUpdates, as Telegram would. */
  queueUpdate(update: Record<string, unknown>): void;
  close(): Promise<void>;
};

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => resolve(body));
  });

/** A Bot API on a loopback port that misbehaves on purpose, or behaves; it records what it is asked. */
export async function startFakeBotApi(behaviour: BotApiBehaviour): Promise<FakeBotApi> {
  const methods: string[] = [];
  const calls: FakeBotApi['calls'] = [];
  const messages: FakeMessage[] = [];
  const held: ServerResponse[] = [];
  const queued: Array<Record<string, unknown>> = [];
  let hold: ((m: { chatId: number; text: string }) => boolean) | null = null;
  let messageId = 1;
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const method = (req.url ?? '').split('/').at(-1) ?? '';
    methods.push(method);
    const body = await readBody(req);
    const params: Record<string, unknown> = body.startsWith('{') ? JSON.parse(body) : {};
    calls.push({ method, params });
    if (behaviour === 'hang') return void held.push(res);
    const answer = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    if (method === 'getMe') {
      return answer(200, { ok: true, result: { id: 7, is_bot: true, first_name: 'Fake', username: 'fake_ledger_bot', can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false } });
    }
    if (behaviour === 'only-getme') return answer(500, { ok: false, error_code: 500, description: 'Internal Server Error: fake outage' });
    if (method === 'getUpdates') {
      const next = queued.splice(0);
      // A healthy getUpdates long-polls a little, as Telegram does, so polling does not spin.
      return next.length ? answer(200, { ok: true, result: next }) : void setTimeout(() => answer(200, { ok: true, result: [] }), 200);
    }
    if (method === 'sendMessage') {
      const m = { chatId: Number(params.chat_id), text: String(params.text ?? '') };
      const record: FakeMessage = { ...m, answered: false };
      messages.push(record);
      if (hold?.(m)) return void held.push(res);
      record.answered = true;
      return answer(200, { ok: true, result: { message_id: messageId++, date: Math.floor(Date.now() / 1000), chat: { id: m.chatId, type: 'private' }, text: m.text } });
    }
    answer(200, { ok: true, result: true });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    methods,
    calls,
    messages,
    holdWhen: (rule) => void (hold = rule),
    queueUpdate: (update) => void queued.push(update),
    async close() {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
