import type { Server, ServerResponse } from 'node:http';

/**
 * Graceful close for an HTTP server: stop accepting, let every request already read finish, and
 * answer it (and anything still arriving on an open keep-alive connection) with `Connection: close`,
 * so no client can hold the server open by reusing its connection.
 */
export function drainable(server: Server): { close(): Promise<void> } {
  const inFlight = new Set<ServerResponse>();
  let closing = false;
  const closeAfterAnswer = (res: ServerResponse) => {
    if (!res.headersSent) res.setHeader('Connection', 'close');
  };
  server.on('request', (_req, res: ServerResponse) => {
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
    if (closing) closeAfterAnswer(res);
  });
  return {
    close() {
      closing = true;
      inFlight.forEach(closeAfterAnswer);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Connections that turn idle after their last answer are closed as soon as they do.
      server.closeIdleConnections();
      const sweep = setInterval(() => server.closeIdleConnections(), 25);
      return closed.finally(() => clearInterval(sweep));
    },
  };
}
