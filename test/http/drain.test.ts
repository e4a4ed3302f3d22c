import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { drainable } from '../../src/http/drain.js';
import { createCustomer, registerMerchant } from '../support/fixtures.js';
import { createHarness } from '../support/harness.js';
import { spawnNode, tsxArgs } from '../support/process.js';

type Sent = { beforeClose: boolean; status: number | null; connectionClose: boolean };

/**
 * A raw keep-alive client (so we know exactly when a request's bytes were written): it sends its
 * next request the moment an answer arrives, until the server answers `Connection: close`.
 */
function client(port: number, isClosing: () => boolean, { loop }: { loop: boolean }) {
  const socket = connect(port, '127.0.0.1');
  socket.setNoDelay(true);
  const sent: Sent[] = [];
  let buffered = Buffer.alloc(0);
  let error: string | null = null;
  const send = () => {
    sent.push({ beforeClose: !isClosing(), status: null, connectionClose: false });
    socket.write('GET /ping HTTP/1.1\r\nHost: drain.test\r\n\r\n');
  };
  const answered = new Set<() => void>();
  socket.on('data', (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    for (;;) {
      const end = buffered.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = buffered.subarray(0, end).toString('latin1');
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
      if (buffered.length < end + 4 + length) return;
      buffered = buffered.subarray(end + 4 + length);
      const current = sent.find((s) => s.status === null);
      if (!current) throw new Error('an answer arrived for no request');
      current.status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      current.connectionClose = /\r\nconnection:\s*close/i.test(head);
      answered.forEach((notify) => notify());
      if (loop && !current.connectionClose) send();
    }
  });
  socket.on('error', (e) => (error = e.message));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  const connected = new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  return {
    sent,
    send,
    closed,
    connected,
    error: () => error,
    /** Resolves once `n` requests in all have been answered. */
    answeredAtLeast: (n: number) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (sent.filter((s) => s.status !== null).length >= n) answered.delete(check), resolve();
        };
        answered.add(check);
        check();
      }),
  };
}

let server: Server | null = null;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
  server = null;
});

/** A plain server with an instant handler, so a connection is idle server-side most of the time. */
async function fastServer(): Promise<{ port: number; drain: ReturnType<typeof drainable> }> {
  const s = createServer((_req, res) => res.end('ok'));
  server = s;
  const drain = drainable(s);
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const address: AddressInfo | string | null = s.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  return { port: address.port, drain };
}

describe('drainable(server).close()', () => {
  it('when a request was written on an idle keep-alive connection just before close(), then it is answered with Connection: close, not reset', async () => {
    const { port, drain } = await fastServer();
    let closing = false;
    const c = client(port, () => closing, { loop: false });
    c.send();
    await c.answeredAtLeast(1);

    // The server has not read these bytes yet: the connection is idle on its side.
    c.send();
    closing = true;
    const startedAt = performance.now();
    const closed = drain.close();
    await c.closed;
    await closed;

    expect(c.error()).toBeNull();
    expect(c.sent).toEqual([
      { beforeClose: true, status: 200, connectionClose: false },
      { beforeClose: true, status: 200, connectionClose: true },
    ]);
    expect(performance.now() - startedAt).toBeLessThan(2_000);
  });

  it('when keep-alive clients send back-to-back requests and close() is called mid-stream, then every request written before close() is answered, every connection ends, and close() resolves within 2 s', async () => {
    const { port, drain } = await fastServer();
    let closing = false;
    const clients = Array.from({ length: 16 }, () => client(port, () => closing, { loop: true }));
    await Promise.all(clients.map((c) => c.connected));
    clients.forEach((c) => c.send());
    await Promise.all(clients.map((c) => c.answeredAtLeast(20)));

    closing = true;
    const startedAt = performance.now();
    await drain.close();
    const closeMs = performance.now() - startedAt;
    await Promise.all(clients.map((c) => c.closed));

    const sent = clients.flatMap((c) => c.sent);
    const before = sent.filter((s) => s.beforeClose);
    console.info(`drain: ${before.length} requests written before close(), ${sent.length - before.length} after; close() took ${closeMs.toFixed(0)} ms`);
    expect(clients.map((c) => c.error())).toEqual(clients.map(() => null));
    expect(before.filter((s) => s.status !== 200)).toEqual([]);
    // Every connection's last answer told the client to go away; nobody was cut off.
    expect(clients.map((c) => c.sent.at(-1)?.connectionClose)).toEqual(clients.map(() => true));
    expect(closeMs).toBeLessThan(2_000);
  });

  it('when a keep-alive connection never sends anything, then it is closed after the grace and close() still resolves within 2 s', async () => {
    const { port, drain } = await fastServer();
    const used = client(port, () => true, { loop: false });
    used.send();
    await used.answeredAtLeast(1);
    const silent = client(port, () => true, { loop: false });
    await silent.connected;

    const startedAt = performance.now();
    await drain.close();
    await Promise.all([used.closed, silent.closed]);

    expect(performance.now() - startedAt).toBeLessThan(2_000);
    expect([used.error(), silent.error()]).toEqual([null, null]);
  });

  it('when the loop stalled while several new connections queued up, then close() accepts and answers every one of them instead of resetting the queue', async () => {
    const child = spawnNode(tsxArgs('test/http/support/stalled-server.ts'), {});
    const port = await new Promise<number>((resolve, reject) => {
      const check = () => {
        const match = /port (\d+)/.exec(child.output());
        if (match?.[1]) resolve(Number(match[1]));
      };
      child.child.stdout?.on('data', check);
      void child.exited.then(() => reject(new Error(`stalled server exited:\n${child.output()}`)));
    });
    // The first connection starts the stall; the others connect and send while the server cannot run.
    const clients = [client(port, () => false, { loop: false })];
    await clients[0]?.connected;
    for (let i = 0; i < 6; i++) clients.push(client(port, () => false, { loop: false }));
    await Promise.all(clients.map((c) => c.connected));
    clients.forEach((c) => c.send());
    await Promise.all(clients.map((c) => c.closed));
    expect(await child.exited).toBe(0);

    expect(clients.map((c) => c.error())).toEqual(clients.map(() => null));
    expect(clients.map((c) => c.sent[0]?.status)).toEqual(clients.map(() => 200));
    expect(child.output()).toContain(`accepted ${clients.length}`);
  });
});

describe('the API while it drains', () => {
  it('when an authenticated POST with a body arrives on a kept-alive connection after shutdown began, then it is answered 201 with Connection: close', async () => {
    const h = await createHarness();
    try {
      const token = await registerMerchant(h.app, 'drain-shop');
      const customerId = await createCustomer(h.app, token, { name: 'Alice' });
      const { url } = await h.runtime.start();
      const port = Number(new URL(url).port);
      const socket = connect(port, '127.0.0.1');
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      let received = '';
      socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
      const answers = (n: number) =>
        new Promise<void>((resolve) => {
          const check = () => ((received.match(/HTTP\/1\.1 \d{3} /g)?.length ?? 0) >= n ? resolve() : socket.once('data', check));
          check();
        });
      socket.write(`GET /api/auth/me/ HTTP/1.1\r\nHost: drain.test\r\nAuthorization: Token ${token}\r\n\r\n`);
      await answers(1);

      const stopped = h.runtime.stop();
      const body = JSON.stringify({ type: 'credit', amount: '500' });
      socket.write(
        `POST /api/customers/${customerId}/entries/ HTTP/1.1\r\nHost: drain.test\r\nAuthorization: Token ${token}\r\n` +
          `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
      );
      await answers(2);
      await stopped;

      const second = received.slice(received.lastIndexOf('HTTP/1.1 '));
      expect(second).toMatch(/^HTTP\/1\.1 201/);
      // The authentication step once took the draining server's header back, so keep-alive clients held it open.
      expect(second).toMatch(/\r\nconnection: close\r\n/i);
      socket.destroy();
    } finally {
      await h.close();
    }
  });
});
