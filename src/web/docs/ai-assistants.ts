// /docs/ai-assistants: using Just Flow It from AI assistants over MCP. Its two configuration samples are data
// (data-mcp-config on the page), which test/mcp/docs-config.test.ts reads back from the page and runs.
import { TOOLS } from '../../mcp/tools.ts';
import { html, type Html } from '../html.ts';

/** The placeholder a reader replaces with their key; the test puts a real one in its place. */
export const KEY_PLACEHOLDER = 'jfi_sk_live_…';

/** A local agent starts `jfi mcp`, which forwards to the server with the key from its environment. */
export function stdioConfig(baseUrl: string) {
  return { mcpServers: { 'just-flow-it': { command: 'npx', args: ['jfi', 'mcp', '--url', baseUrl], env: { JFI_API_KEY: KEY_PLACEHOLDER } } } };
}

/** A client that speaks Streamable HTTP calls /mcp itself, with the key as a Bearer header. */
export function httpConfig(baseUrl: string) {
  return { mcpServers: { 'just-flow-it': { type: 'http', url: `${baseUrl}/mcp`, headers: { Authorization: `Bearer ${KEY_PLACEHOLDER}` } } } };
}


function config(id: string, value: unknown): Html {
  return html`<pre class="code" data-mcp-config="${id}" tabindex="0"><code>${JSON.stringify(value, null, 2)}</code></pre>`;
}

export function aiAssistants(baseUrl: string): Html {
  return html`<h1>Use with AI assistants</h1>
<p class="lead">Claude, editors and other agents that speak the Model Context Protocol (MCP) can create, find, render and export your diagrams. They use an API key like any client: the same plan, scopes, rate limit and generation quota.</p>
<h2>Local agents (stdio)</h2>
<p>Desktop assistants start a command and talk to it over standard input and output. <code>jfi mcp</code> is that command: it forwards to your server with the key from <code>JFI_API_KEY</code>. Add this to the assistant's MCP configuration (for Claude Desktop, <code>claude_desktop_config.json</code>), with your key:</p>
${config('stdio', stdioConfig(baseUrl))}
<h2>Streamable HTTP</h2>
<p>Clients that speak MCP over HTTP call <code>${baseUrl}/mcp</code> directly, sending the key as a Bearer header:</p>
${config('http', httpConfig(baseUrl))}
<p>A missing or wrong key is refused with <code>401</code> and the API's error body. Everything else — a missing scope, a plan that does not cover the API, the rate limit or quota, a bad argument — comes back as the tool's result, marked as an error, with the same <code>type</code>, <code>code</code> and <code>message</code> the REST API gives.</p>
<h2>Tools</h2>
<table><thead><tr><th>tool</th><th>scope</th><th>what it does</th></tr></thead><tbody>
${TOOLS.map((tool) => html`<tr><td><code>${tool.name}</code></td><td><code>${tool.scopes.join(', ')}</code></td><td>${tool.description}</td></tr>`)}
</tbody></table>
<p>Give an assistant a key with only the scopes it needs: <code>diagrams:read</code> lets it look, not change. Use a test-mode key to try things out; its diagrams are apart from live ones.</p>`;
}
