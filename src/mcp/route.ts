// POST /mcp: the MCP Streamable HTTP transport, stateless (one server and transport per request, JSON responses),
// behind the same Bearer keys as /api/v1. No session, so GET (a server-sent event stream) and DELETE (end a session)
// answer 405 as the transport's specification allows. No CORS: browsers' pages cannot call it.
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { DomainError } from '../errors.ts';
import { CursorCodec } from '../api/pagination.ts';
import { lookUpKey, requireAccess } from '../api/plugins/auth.ts';
import { applyBurstLimit } from '../api/plugins/burst-limit.ts';
import { clientBucket } from '../limits/client-bucket.ts';
import type { Clock } from '../limits/clock.ts';
import type { RateLimiter } from '../limits/limiter.ts';
import type { AuthenticatedKey } from '../services/auth-types.ts';
import type { Services } from '../services/index.ts';
import { actorOf } from '../services/tenancy.ts';
import { baseUrlOf } from '../web/context.ts';
import { MCP_PATH } from './endpoint.ts';
import { createMcpServer } from './server.ts';

export interface McpRouteDependencies {
  config: Config;
  services: Services;
  limiter: RateLimiter;
  clock: Clock;
  /** SESSION_SECRET, or this process's own: the API's cursors, so a page cursor works in both. */
  secret: string;
}

interface Admission {
  key: AuthenticatedKey;
  /** The burst limit's refusal, kept for the tool call it belongs to. */
  refusal: DomainError | null;
}

export async function mcpRoutes(app: FastifyInstance, deps: McpRouteDependencies): Promise<void> {
  // JSON-RPC is JSON: any other body is the API's Content-Type error, not a string for the transport to reject.
  app.removeContentTypeParser('text/plain');
  const cursors = new CursorCodec(deps.secret);

  app.post(MCP_PATH, async (request, reply) => {
    const { key, refusal } = await admit(request, reply, deps);
    // The access line names what was called.
    request.log = request.log.child({ mcp: describeCall(request.body) });
    const server = createMcpServer({
      request,
      admit(scopes) {
        if (refusal) throw refusal;
        requireAccess(key, scopes);
        deps.services.keys.touch(key.id, new Date(deps.clock.now()));
      },
      context: {
        services: deps.services,
        cursors,
        actor: actorOf(key.tenant, key.mode, key.createdBy),
        key,
        baseUrl: baseUrlOf(deps, request),
      },
    });
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    try {
      await server.connect(transport);
      const response = await transport.handleRequest(webRequest(request), { parsedBody: request.body });
      reply.code(response.status);
      response.headers.forEach((value, name) => void reply.header(name, value));
      return reply.send(await response.text());
    } finally {
      await server.close();
    }
  });

  const noSession = async (_request: FastifyRequest, reply: FastifyReply) =>
    reply
      .code(405)
      .header('Allow', 'POST')
      .send({ jsonrpc: '2.0', error: { code: -32000, message: 'Method not allowed: this server is stateless; POST JSON-RPC messages to /mcp.' }, id: null });
  app.get(MCP_PATH, noSession);
  app.delete(MCP_PATH, noSession);
}

/**
 * The /api/v1 checks in their order. Without a valid key: the client address is counted, then 401. With one, the
 * key's burst bucket is counted; past it, a tool call gets the 429 as its result (a model reads it), while the
 * rest of the protocol (initialize, tools/list) gets the HTTP 429. Plan and scopes are checked per tool.
 */
async function admit(request: FastifyRequest, reply: FastifyReply, deps: McpRouteDependencies): Promise<Admission> {
  const lookup = await lookUpKey(request.headers.authorization, deps.services.keys, new Date(deps.clock.now()));
  if (!lookup.ok) {
    await applyBurstLimit(deps.limiter, deps.clock, clientBucket(request.ip), reply);
    throw lookup.error;
  }
  try {
    request.burst = await applyBurstLimit(deps.limiter, deps.clock, `key:${lookup.key.id}`, reply);
    return { key: lookup.key, refusal: null };
  } catch (error) {
    if (!(error instanceof DomainError) || !messagesOf(request.body).some((m) => m.method === 'tools/call')) throw error;
    return { key: lookup.key, refusal: error };
  }
}

type Message = { method?: unknown; params?: { name?: unknown } };

function messagesOf(body: unknown): Message[] {
  return (Array.isArray(body) ? body : [body]).filter((m): m is Message => typeof m === 'object' && m !== null);
}

/** "tools/call generate_diagram", "tools/list", …: method and tool name only, never arguments (they hold user content). */
function describeCall(body: unknown): string {
  return messagesOf(body)
    .map((m) => {
      const method = typeof m.method === 'string' ? m.method.slice(0, 64) : 'response';
      return method === 'tools/call' && typeof m.params?.name === 'string' ? `${method} ${m.params.name.slice(0, 64)}` : method;
    })
    .join(', ');
}

/** The headers the transport checks; never the key. */
const TRANSPORT_HEADERS = ['accept', 'content-type', 'mcp-protocol-version', 'mcp-session-id'];

/** The Fetch API request the transport reads its headers from (the body is already parsed). */
function webRequest(request: FastifyRequest): Request {
  const headers = new Headers();
  for (const name of TRANSPORT_HEADERS) {
    const value = request.headers[name];
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return new Request(`${request.protocol}://${request.host}${request.url}`, { method: request.method, headers });
}
