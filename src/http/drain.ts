import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

/**
 * How long a keep-alive connection must stay idle after close() before it is closed: its client may
 * already have written the next request, still on the wire or unread in the socket buffer.
 */
export const IDLE_GRACE_MS = 1_000;

/** How long the listener keeps accepting after close(), at most, while connections queued before it keep coming out. */
export const LISTEN_GRACE_MS = 1_000;

type Tracked = { open: Set<ServerResponse>; grace: NodeJS.Timeout | null };

/**
 * Graceful close for an HTTP server: stop accepting, let every request already sent finish, and
 * answer it (and anything still arriving on an open keep-alive connection) with `Connection: close`,
 * so no client can hold the server open by reusing its connection.
 */
export function drainable(server: Server): { close(): Promise<void> } {
  const sockets = new Map<Socket, Tracked>();
  let closing = false;
  // Connections accepted since the listener last looked: libuv accepts one queued connection per poll phase.
  let acceptedSinceLook = 0;
  let closed: Promise<void> | null = null;

  const closeAfterAnswer = (res: ServerResponse) => {
    if (!res.headersSent) res.setHeader('Connection', 'close');
  };
  const closeWhenIdle = (socket: Socket, state: Tracked) => {
    if (state.open.size > 0 || state.grace) return;
    const readBefore = socket.bytesRead;
    const timer = setTimeout(() => {
      // Time alone is not enough: a loop kept busy (a bcrypt chunk, a long query) may not have read a
      // request already waiting in the socket. Let one poll phase pass; a request read there clears the
      // grace, and bytes read without a request yet (one still arriving) start the grace again.
      setImmediate(() => {
        if (state.grace !== timer || state.open.size > 0) return;
        state.grace = null;
        if (socket.bytesRead !== readBefore) closeWhenIdle(socket, state);
        else socket.destroy();
      });
    }, IDLE_GRACE_MS);
    state.grace = timer;
  };

  const track = (socket: Socket): Tracked => {
    const known = sockets.get(socket);
    if (known) return known;
    const state: Tracked = { open: new Set(), grace: null };
    sockets.set(socket, state);
    socket.once('close', () => {
      if (state.grace) clearTimeout(state.grace);
      sockets.delete(socket);
    });
    return state;
  };

  server.on('connection', (socket: Socket) => {
    acceptedSinceLook += 1;
    const state = track(socket);
    if (closing) closeWhenIdle(socket, state);
  });

  // Prepended so it runs before the app's handler, which may answer synchronously.
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket;
    const state = track(socket);
    state.open.add(res);
    if (state.grace) clearTimeout(state.grace);
    state.grace = null;
    if (closing) closeAfterAnswer(res);
    res.once('close', () => {
      state.open.delete(res);
      if (closing) closeWhenIdle(socket, state);
    });
  });

  return {
    close() {
      if (closed) return closed;
      closing = true;
      // net's close, not http's: since Node 19 http's also destroys idle connections at once,
      // dropping a request already on its way. The callback runs once the last socket is gone.
      for (const [socket, state] of sockets) {
        state.open.forEach(closeAfterAnswer);
        closeWhenIdle(socket, state);
      }
      // Closing the listener resets every connection still in the kernel's accept queue, though its
      // client may have sent its request long before the signal (a loop stalled for a while leaves
      // several queued), and libuv accepts only one queued connection per poll phase. So the listener
      // stays open, one full loop turn (one poll phase) at a time, until a turn accepts nothing: the
      // queue is then empty. Capped, since clients told to close keep opening new connections.
      const started = performance.now();
      closed = new Promise<void>((resolve) => {
        const look = () =>
          setImmediate(() =>
            setImmediate(() => {
              const busy = acceptedSinceLook > 0 && performance.now() - started < LISTEN_GRACE_MS;
              acceptedSinceLook = 0;
              if (busy) look();
              else NetServer.prototype.close.call(server, () => resolve());
            }),
          );
        acceptedSinceLook = 0;
        look();
      });
      return closed;
    },
  };
}
