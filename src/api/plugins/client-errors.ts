// Requests Node's HTTP parser refuses before Fastify sees them (oversized headers, a broken Content-Length, a
// request that never finishes): answered in the envelope with a request id, like every other error.
import type { Socket } from 'node:net';
import { InvalidRequestError } from '../../errors.ts';
import { errorEnvelope } from './errors.ts';
import { createRequestId } from './request-id.ts';

const MESSAGES: Record<string, string> = {
  HPE_HEADER_OVERFLOW: 'The request headers are too large.',
  ERR_HTTP_REQUEST_TIMEOUT: 'The request was not received in time.',
};

export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const requestId = createRequestId();
    const message = MESSAGES[error.code ?? ''] ?? 'The request is not valid HTTP.';
    const body = JSON.stringify(errorEnvelope(new InvalidRequestError('invalid_parameter', message), requestId));
    socket.write(
      'HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
