import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type BotApiBehaviour =
  /** Accepts every connection and never answers. */
  | 'hang'
  /** getMe works; every other method answers 500. */
  | 'only-getme'
  /** Everything answers as Telegram would (true, or an empty update list). */
  | 'healthy';

/** A Bot API that misbehaves on purpose, on a loopback port; it records the methods called. */
export async function startFakeBotApi(behaviour: BotApiBehaviour): Promise<{ url: string; methods: string[]; close(): Promise<void> }> {
  const methods: string[] = [];
  const held: ServerResponse[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const method = (req.url ?? '').split('/').at(-1) ?? '';
    methods.push(method);
    req.resume();
    if (behaviour === 'hang') return void held.push(res);
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (method === 'getMe') {
      return answer(200, { ok: true, result: { id: 7, is_bot: true, first_name: 'Fake', username: 'fake_ledger_bot', can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false } });
    }
    if (behaviour === 'only-getme') return answer(500, { ok: false, error_code: 500, description: 'Internal Server Error: fake outage' });
    // A healthy getUpdates long-polls a little, as Telegram does, so polling does not spin.
    if (method === 'getUpdates') return void setTimeout(() => answer(200, { ok: true, result: [] }), 200);
    answer(200, { ok: true, result: true });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    methods,
    async close() {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
