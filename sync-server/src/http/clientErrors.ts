/**
 * Errors Node's HTTP parser raises before Express sees a request (headers over the 16 KB limit,
 * a malformed request line, a request that took too long) answered in the API's JSON error shape
 * `{ error, code }` instead of Node's bare status line.
 */
import { STATUS_CODES, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { MSG } from '@pwr-sync/shared';

const ANSWERS: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'headers_too_large', MSG.api.headersTooLarge],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'request_timeout', MSG.api.requestTimeout],
  ERR_HTTP_HEADERS_TIMEOUT: [408, 'request_timeout', MSG.api.headersTimeout],
};
const MALFORMED: [number, string, string] = [400, 'bad_request', MSG.api.malformedHttp];

export function answerClientErrors(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    // Nothing to answer on a socket the client already closed or one that has sent a response.
    if (err.code === 'ECONNRESET' || !socket.writable || (socket as Socket & { _httpMessage?: unknown })._httpMessage) {
      socket.destroy();
      return;
    }
    const [status, code, error] = ANSWERS[err.code ?? ''] ?? MALFORMED;
    const body = JSON.stringify({ error, code });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n`
      + `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
