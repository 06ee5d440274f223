// One MCP server per /mcp request (stateless): tools/list publishes the tools' JSON schemas, tools/call checks the
// caller's plan and scopes, validates the arguments with the API's validator and runs the tool. Every failure is a
// tool result with isError and the API's error envelope as JSON text, so a model reads the type, code and message.
// The SDK's low-level Server, because the tools' schemas are the API's JSON schemas, not zod.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema, ListToolsRequestSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { ValidateFunction } from 'ajv';
import type { FastifyRequest } from 'fastify';
import { errorEnvelope, toDomainError } from '../api/plugins/errors.ts';
import { closeObjects, createValidatorCompiler, toValidationError } from '../api/validation.ts';
import { InvalidRequestError } from '../errors.ts';
import type { Scope } from '../services/auth-types.ts';
import { MCP_SERVER_INFO } from './endpoint.ts';
import { TOOLS, type Tool, type ToolContext } from './tools.ts';

interface CheckedTool {
  tool: Tool;
  schema: Record<string, unknown>;
  validate: ValidateFunction;
}

const compile = createValidatorCompiler();
const CHECKED = new Map<string, CheckedTool>(
  TOOLS.map((tool) => {
    const schema = closeObjects(tool.input) as Record<string, unknown>;
    // The API's body validator: the same ajv, formats and error mapping as a request body.
    const validate = compile({ schema, httpPart: 'body', method: 'POST', url: `/mcp#${tool.name}` }) as ValidateFunction;
    return [tool.name, { tool, schema, validate }];
  }),
);

/** Who calls, as the /mcp route admitted them. */
export interface McpCaller {
  request: FastifyRequest;
  /** Throws what the API would answer for an operation needing these scopes: burst limit, plan, scope. */
  admit(scopes: readonly Scope[]): void;
  context: ToolContext;
}

export function createMcpServer(caller: McpCaller): Server {
  const server = new Server(MCP_SERVER_INFO, { capabilities: { tools: {} } });
  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: [...CHECKED.values()].map(({ tool, schema }) => ({ name: tool.name, description: tool.description, inputSchema: schema as { type: 'object' } })),
  }));
  server.setRequestHandler(CallToolRequestSchema, async ({ params }) => callTool(caller, params.name, params.arguments ?? {}));
  return server;
}

async function callTool(caller: McpCaller, name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  try {
    const checked = CHECKED.get(name);
    if (!checked) throw new InvalidRequestError('invalid_parameter', `No tool named ${JSON.stringify(name.slice(0, 64))}; tools/list names them.`, 'name');
    caller.admit(checked.tool.scopes);
    // The validator fills defaults in, as it does for a request body.
    const input = structuredClone(args);
    if (!checked.validate(input)) throw toValidationError(checked.validate.errors ?? [], 'body');
    return { content: await checked.tool.run(input as never, caller.context) };
  } catch (thrown) {
    const error = toDomainError(thrown, caller.request);
    return { isError: true, content: [{ type: 'text', text: JSON.stringify(errorEnvelope(error, caller.request.id)) }] };
  }
}
