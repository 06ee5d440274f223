// Plain HTTP/1.1 requests that may carry what fetch refuses to send: duplicate headers, broken bodies, odd paths.
import http from 'node:http';
import net from 'node:net';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

export interface RawRequest {
  method: string;
  path: string;
  headers?: Record<string, string | string[]>;
  body?: string | Buffer;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

/** Sends one request; rejects only when the client itself cannot send it (an invalid header character) or the socket fails. */
export async function send(baseUrl: string, request: RawRequest, timeoutMs = 20_000): Promise<RawResponse> {
  try {
    return await sendOnce(baseUrl, request, timeoutMs);
  } catch (error) {
    // A kept-alive socket the server had just closed: once more on a fresh one.
    if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') throw error;
    return sendOnce(baseUrl, request, timeoutMs);
  }
}

function sendOnce(baseUrl: string, request: RawRequest, timeoutMs: number): Promise<RawResponse> {
  const url = new URL(baseUrl);
  // Always framed by Content-Length: Node sends a GET body unframed otherwise, which is not HTTP at all.
  const headers = request.body === undefined ? request.headers : { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) };
  return new Promise((resolve, reject) => {
    let req: http.ClientRequest;
    try {
      req = http.request({ host: url.hostname, port: url.port, method: request.method, path: request.path, headers, agent, timeout: timeoutMs });
    } catch (error) {
      reject(error);
      return;
    }
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      const done = () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') });
      res.on('end', done);
      // The server may answer (400 payload_too_large) and close before it read the whole body.
      res.on('error', done);
    });
    req.on('timeout', () => req.destroy(new Error(`timed out after ${timeoutMs} ms: ${request.method} ${request.path}`)));
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    req.end(request.body);
  });
}

/** Percent-encodes every byte of the UTF-8 form (lone surrogates become U+FFFD), so any string can be a path segment. */
export function encodeSegment(value: string): string {
  return [...Buffer.from(value, 'utf8')].map((byte) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).padStart(2, '0').toUpperCase()}`)).join('');
}

/**
 * Writes raw bytes on a fresh socket and reads until the server closes or `timeoutMs` passes: for requests no
 * HTTP client would send, and bodies the server refuses before reading them (the write may then fail; the answer counts).
 */
export function sendRaw(baseUrl: string, head: string, body: Buffer = Buffer.alloc(0), timeoutMs = 10_000): Promise<{ status: number; text: string }> {
  const url = new URL(baseUrl);
  return new Promise((resolve) => {
    const socket = net.connect(Number(url.port), url.hostname);
    const chunks: Buffer[] = [];
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('utf8');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text });
    };
    const timer = setTimeout(finish, timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      // One response is all we wait for: stop once the announced body is complete.
      const text = Buffer.concat(chunks).toString('latin1');
      const split = text.indexOf('\r\n\r\n');
      const length = /content-length: (\d+)/i.exec(text.slice(0, split));
      if (split !== -1 && length && text.length - split - 4 >= Number(length[1])) finish();
    });
    socket.on('error', () => {});
    socket.on('close', finish);
    socket.write(head);
    socket.write(body);
  });
}
