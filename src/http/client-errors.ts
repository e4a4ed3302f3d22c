import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { z } from 'zod';

const parserError = z.object({ code: z.string().optional() });

/**
 * Requests Node's HTTP parser refuses before the app sees them (headers over 16 KiB, broken request
 * lines) are answered in the API's JSON error shape too, instead of a bare status line.
 */
export function answerClientErrorsInJson(server: Server): void {
  server.on('clientError', (error: unknown, socket: Duplex) => {
    const code = parserError.safeParse(error).data?.code;
    if (code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, errorCode, message] =
      code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'headers_too_large', 'The request line or headers are larger than 16 KiB.']
        : code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'request_timeout', 'The request took too long to arrive.']
          : [400, 'bad_request', 'The request could not be read as HTTP.'];
    const body = JSON.stringify({ error: message, code: errorCode, fields: {} });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
