// jfi mcp: an MCP server on standard input and output for local agents, forwarding tools/list and tools/call to a
// running server's /mcp with an API key. Nothing is decided here: the server's tools, checks and errors pass through.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { MCP_PATH, MCP_SERVER_INFO } from '../mcp/endpoint.ts';
import { CliError, optionalFlag, parseCommand, UsageError } from './arguments.ts';
import { printUsage, type CliIo } from './io.ts';

const MCP_USAGE = `Usage: jfi mcp [--key-env JFI_API_KEY] [--url http://127.0.0.1:3000]

Runs an MCP server on standard input and output (for Claude Desktop, editors and other local agents) that
forwards every tool call to the Just Flow It server at --url, with the API key read from the environment
variable named by --key-env (default JFI_API_KEY). Messages go to standard error; stdout carries MCP only.`;

export async function runMcp(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(argv, { 'key-env': { type: 'string' }, url: { type: 'string' } }, MCP_USAGE);
  if (parsed.help) return printUsage(io, MCP_USAGE);
  const keyEnv = optionalFlag(parsed, 'key-env') ?? 'JFI_API_KEY';
  const key = io.env[keyEnv];
  if (!key) throw new UsageError(`The environment variable ${keyEnv} holds no API key.`, MCP_USAGE);
  let endpoint: URL;
  try {
    endpoint = new URL(MCP_PATH, optionalFlag(parsed, 'url') ?? 'http://127.0.0.1:3000');
  } catch {
    throw new UsageError('--url must be an absolute http(s) URL.', MCP_USAGE);
  }

  const remote = new Client({ name: 'jfi-mcp', version: MCP_SERVER_INFO.version });
  try {
    await remote.connect(new StreamableHTTPClientTransport(endpoint, { requestInit: { headers: { authorization: `Bearer ${key}` } } }));
  } catch (error) {
    throw new CliError(`Cannot reach ${endpoint.href}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const local = new Server(MCP_SERVER_INFO, { capabilities: { tools: {} } });
  local.setRequestHandler(ListToolsRequestSchema, async ({ params }) => remote.listTools(params));
  local.setRequestHandler(CallToolRequestSchema, async ({ params }) => remote.callTool(params));
  const closed = new Promise<void>((resolve) => (local.onclose = resolve));
  await local.connect(new StdioServerTransport());
  // The agent ends the session by closing our standard input.
  process.stdin.once('end', () => void local.close());
  io.err(`jfi mcp: serving ${endpoint.href} on stdio`);
  await closed;
  await remote.close();
  return 0;
}
