// A server whose event loop stalls as a busy one does: on its first connection it blocks for 400 ms
// (while clients keep connecting), then closes through drainable(). Prints its port, then what it accepted.
import { createServer } from 'node:http';
import { drainable } from '../../../src/http/drain.js';

const server = createServer((_req, res) => res.end('ok'));
const drain = drainable(server);
let accepted = 0;
server.on('connection', () => {
  accepted += 1;
  if (accepted > 1) return;
  setImmediate(() => {
    const until = Date.now() + 400;
    while (Date.now() < until) {
      // The stall: nothing is accepted or read meanwhile; the kernel queues the connections.
    }
    void drain.close().then(() => {
      process.stdout.write(`accepted ${accepted}\n`);
      process.exit(0);
    });
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`port ${typeof address === 'object' && address ? address.port : 0}\n`);
});
