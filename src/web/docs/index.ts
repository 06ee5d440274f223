// /docs: Quickstart, Authentication, API Reference (from the live OpenAPI document), Generate diagrams, Versions and compare.
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import { baseUrlOf, type WebContext } from '../context.ts';
import { html, type Html } from '../html.ts';
import { brand, head, themeToggle } from '../pages/layout.ts';
import { aiAssistants } from './ai-assistants.ts';
import { renderReference } from './reference.ts';
import { commandFor, sampleById, TYPESCRIPT_QUICKSTART, type DocSample } from './samples.ts';

type DocId = 'overview' | 'quickstart' | 'authentication' | 'api' | 'generate' | 'versions' | 'ai';

const NAV: { id: DocId; href: string; label: string }[] = [
  { id: 'overview', href: '/docs', label: 'Overview' },
  { id: 'quickstart', href: '/docs/quickstart', label: 'Quickstart' },
  { id: 'authentication', href: '/docs/authentication', label: 'Authentication' },
  { id: 'api', href: '/docs/api', label: 'API Reference' },
  { id: 'generate', href: '/docs/generate', label: 'Generate diagrams' },
  { id: 'versions', href: '/docs/versions', label: 'Versions and compare' },
  { id: 'ai', href: '/docs/ai-assistants', label: 'Use with AI assistants' },
];

export const docsRoutes = fp(docsPages, { name: 'jfi-docs-pages', decorators: { request: ['webUser'] }, dependencies: ['jfi-web-session'] });

async function docsPages(app: FastifyInstance, context: WebContext): Promise<void> {
  const send = (request: FastifyRequest, id: DocId, title: string, body: Html, subnav?: Html) =>
    docsPage(id, title, body, Boolean(request.webUser), subnav);

  app.get('/docs', async (request, reply) => reply.type('text/html; charset=utf-8').send(send(request, 'overview', 'Documentation', overview(baseUrlOf(context, request)))));
  app.get('/docs/quickstart', async (request, reply) => reply.type('text/html; charset=utf-8').send(send(request, 'quickstart', 'Quickstart', quickstart(baseUrlOf(context, request)))));
  app.get('/docs/authentication', async (request, reply) => reply.type('text/html; charset=utf-8').send(send(request, 'authentication', 'Authentication', authentication(baseUrlOf(context, request), context.config))));
  app.get('/docs/generate', async (request, reply) => reply.type('text/html; charset=utf-8').send(send(request, 'generate', 'Generate diagrams', generate(baseUrlOf(context, request), context.config))));
  app.get('/docs/versions', async (request, reply) => reply.type('text/html; charset=utf-8').send(send(request, 'versions', 'Versions and compare', versions(baseUrlOf(context, request)))));
  app.get('/docs/ai-assistants', async (request, reply) => reply.type('text/html; charset=utf-8').send(send(request, 'ai', 'Use with AI assistants', aiAssistants(baseUrlOf(context, request)))));
  app.get('/docs/api', async (request, reply) => {
    const document = (app as unknown as { swagger(): Record<string, unknown> }).swagger();
    const { nav, body } = renderReference(document, baseUrlOf(context, request));
    return reply.type('text/html; charset=utf-8').send(send(request, 'api', 'API Reference', html`<h1>API Reference</h1>${body}`, nav));
  });
  app.get('/docs/*', async (request, reply) =>
    reply.code(404).type('text/html; charset=utf-8').send(send(request, 'overview', 'Not found', html`<h1>No such page</h1><p>Try the <a href="/docs">documentation overview</a>.</p>`)),
  );
}

function docsPage(active: DocId, title: string, body: Html, signedIn: boolean, subnav?: Html): string {
  return html`<!doctype html>
<html lang="en">
${head(`${title} · Just Flow It docs`)}
<body class="public docs">
<header class="public-top">${brand()}<nav class="public-nav" aria-label="Site"><a href="/docs">Docs</a>${signedIn ? html`<a class="btn btn-small btn-primary" href="/app">Dashboard</a>` : html`<a href="/signin">Sign in</a><a class="btn btn-small btn-primary" href="/signup">Get started</a>`}${themeToggle()}</nav></header>
<div class="docs-shell">
  <nav class="docs-nav" aria-label="Documentation">${NAV.map(
    (item) => html`<a href="${item.href}" class="${item.id === active ? 'active' : ''}"${item.id === active ? html` aria-current="page"` : ''}>${item.label}</a>${item.id === active && subnav ? subnav : ''}`,
  )}</nav>
  <main id="main" class="docs-body">
${body}
  </main>
</div>
</body>
</html>`.value;
}

function code(text: string): Html {
  return html`<pre class="code" tabindex="0"><code>${text}</code></pre>`;
}

function sample(id: string, baseUrl: string): Html {
  const s: DocSample = sampleById(id);
  return html`<pre class="code" data-sample="${s.id}" tabindex="0"><code>${commandFor(s, baseUrl)}</code></pre>`;
}

function overview(baseUrl: string): Html {
  return html`<h1>Just Flow It API</h1>
<p class="lead">Build Just Flow It into your own systems: manage diagrams and folders, and turn plain-language descriptions of a process into ready-to-use BPMN diagrams — with rendered images — over a clean REST interface. JSON over HTTPS, resource-oriented URLs, standard verbs and status codes.</p>
<div class="doc-cards">
  <a href="/docs/quickstart"><strong>Quickstart</strong><span>Create your first key and make a request in a few minutes.</span></a>
  <a href="/docs/authentication"><strong>Authentication</strong><span>How API keys, Bearer auth and scopes work.</span></a>
  <a href="/docs/api"><strong>API Reference</strong><span>Every endpoint, parameter and response shape.</span></a>
  <a href="/docs/generate"><strong>Generate diagrams</strong><span>Describe a process in words, get a diagram back.</span></a>
  <a href="/docs/versions"><strong>Versions and compare</strong><span>Every change kept; see what changed, as data or a picture; go back.</span></a>
</div>
<h2>Base URL</h2>
${code(`${baseUrl}/api/v1`)}
<p>Production deployments serve the API over HTTPS only.</p>
<h2>Who can use it</h2>
<p>The API is available on paid plans: a <strong>Pro</strong> user gets personal keys acting on their own diagrams and folders; a member of a <strong>Team</strong> organization gets organization keys acting on the organization's. Free plans get <code>403 plan_required</code>. Keys are created and revoked in the dashboard under <a href="/app/settings/keys">Settings → API keys</a>.</p>
<div class="callout"><strong>Server-to-server only.</strong> Keys grant full access to your diagrams and folders. Never put them in a browser or mobile app: the API sends no CORS headers. Keep them in a secret manager or server environment variables.</div>`;
}

function quickstart(baseUrl: string): Html {
  return html`<h1>Quickstart</h1>
<p class="lead">From nothing to your first rendered diagram in five steps.</p>
<h2>1. Create an account</h2>
<p><a href="/signup">Sign up</a> with your email and a password of at least 12 characters (not a common one). You land in your personal space.</p>
<h2>2. Get on a paid plan</h2>
<p>The API needs the Pro plan (personal keys) or a Team organization (organization keys). Plans are changed by the operator of this installation, on the server, in its folder and with the server's <code>DATABASE_URL</code> in the environment (without it, <code>jfi</code> opens <code>./data/jfi.sqlite</code>, which may not be the server's database):</p>
${sample('set-plan', baseUrl)}
<p>Your plan shows under <a href="/app/settings/billing">Settings → Billing</a>.</p>
<h2>3. Create a key</h2>
<p>Open <a href="/app/settings/keys">Settings → API keys</a>, name the key, pick <em>Test</em> while you experiment, keep the scopes you need and create it. Copy the secret right away — it is shown once — and keep it in your environment:</p>
${code('export JFI_KEY="jfi_sk_test_…"')}
<div class="sample-tabs">
<input type="radio" name="quickstart-language" id="quickstart-curl" checked><label for="quickstart-curl">curl</label>
<input type="radio" name="quickstart-language" id="quickstart-typescript"><label for="quickstart-typescript">TypeScript</label>
<div class="sample-tab" data-tab="curl">
<h2>4. Make your first call</h2>
<p>Check the key: the answer names its mode, scopes, owner and usage.</p>
${sample('check-key', baseUrl)}
<h2>5. Create a diagram and render it</h2>
<p>Import BPMN 2.0 XML. A document without diagram interchange is laid out for you.</p>
${sample('import-diagram', baseUrl)}
<p>Keep the <code>id</code> of the answer (<code>export DIAGRAM_ID=…</code>) and fetch the image, light or dark, PNG or SVG:</p>
${sample('render-image', baseUrl)}
<p>A document with several pages (<code>BPMNDiagram</code> elements) renders its first; add <code>diagram=&lt;id&gt;</code> with the id of another page to render that one. An id the document does not have gets <code>400 invalid_parameter</code> on <code>diagram</code>.</p>
<p>Export it back to BPMN 2.0, with everything the import had:</p>
${sample('export-bpmn', baseUrl)}
</div>
<div class="sample-tab" data-tab="typescript">
<h2>4. Install the client</h2>
<p>The typed TypeScript client (Node.js 20.19+) wraps the same API: pages followed for you, an <code>Idempotency-Key</code> on every POST, retries on network errors, 429 and 5xx (honouring <code>Retry-After</code>), and one error class per error type.</p>
${code('npm install @justflowit/client')}
<h2>5. Check the key, create a diagram and render it</h2>
<p>Save this as <code>quickstart.mts</code> (an ES module, for the top-level <code>await</code>) and run it with <code>npx tsx quickstart.mts</code>: it writes <code>diagram.png</code> and <code>hello.bpmn</code> and lists your diagrams.</p>
<pre class="code" data-sample="${TYPESCRIPT_QUICKSTART.id}" tabindex="0"><code>${commandFor(TYPESCRIPT_QUICKSTART, baseUrl)}</code></pre>
</div>
</div>
<p>The diagram also appears in the <a href="/app">dashboard</a> (in the mode of your key), where you can edit it in the modeler. Next: <a href="/docs/generate">generate diagrams from a description</a>.</p>`;
}

function authentication(baseUrl: string, config: Config): Html {
  const { rateLimit, quota } = config;
  return html`<h1>Authentication</h1>
<p class="lead">Every request carries a secret key in the <code>Authorization</code> header with the Bearer scheme.</p>
${sample('list-diagrams', baseUrl)}
<h2>Keys</h2>
<p>Keys look like <code>jfi_sk_live_…</code> or <code>jfi_sk_test_…</code>. The last characters are a checksum, so a mistyped key is refused without a database lookup and secret scanners can recognise a leaked one. We store only a SHA-256 hash and a hint (prefix and last four characters): the secret is shown once, when you create the key in <a href="/app/settings/keys">Settings → API keys</a>. Lost it? Revoke the key and create another.</p>
<p>A personal key works while its owner is on the Pro plan. An organization key works while the organization is on the Team plan and the member who created it still belongs to it: when that member leaves, their keys of the organization are revoked, and requests with them get <code>401 revoked_api_key</code> saying so. Keys can expire (1–3650 days) and can be revoked at any time.</p>
<h2>Scopes</h2>
<table><thead><tr><th>scope</th><th>grants</th></tr></thead><tbody>
<tr><td><code>diagrams:read</code></td><td>Read diagrams and render their images</td></tr>
<tr><td><code>diagrams:write</code></td><td>Create, update and delete diagrams</td></tr>
<tr><td><code>folders:read</code></td><td>Read folders</td></tr>
<tr><td><code>folders:write</code></td><td>Create, update and delete folders</td></tr>
<tr><td><code>generate</code></td><td>Generate diagrams from a prompt</td></tr>
</tbody></table>
<p>A request missing a scope gets <code>403 insufficient_scope</code>, naming the scope. The <a href="/docs/api">API Reference</a> lists each endpoint's scopes.</p>
<h2>Live and test mode</h2>
<p>Live keys act on production data, test keys on test data. Both use the same base URL and behave identically, but the data are fully separate: an id from one mode is <code>404 resource_not_found</code> in the other. The dashboard's Live/Test switch shows each side.</p>
<h2>Limits</h2>
<ul><li><strong>Burst:</strong> ${rateLimit.max} requests in any ${rateLimit.windowMs / 1000} seconds, per key.</li><li><strong>Generation quota:</strong> ${quota.max} generations per rolling ${quota.windowDays} days, per key.</li></ul>
<p>Every response carries <code>RateLimit-Limit</code>, <code>RateLimit-Remaining</code> and <code>RateLimit-Reset</code> (seconds), and an <code>X-Request-Id</code>:</p>
${sample('rate-limit-headers', baseUrl)}
<p>Over a limit you get <code>429</code> with <code>Retry-After</code> (seconds) and code <code>rate_limit_exceeded</code> or <code>quota_exceeded</code>.</p>
<h2>Errors</h2>
<p>Every error uses one envelope. A request without a key:</p>
${sample('missing-key', baseUrl)}
<table><thead><tr><th>error.type</th><th>HTTP</th><th>codes</th></tr></thead><tbody>
<tr><td>invalid_request_error</td><td>400</td><td>invalid_json, missing_parameter, invalid_parameter, payload_too_large, invalid_cursor</td></tr>
<tr><td>authentication_error</td><td>401</td><td>missing_api_key, invalid_api_key, revoked_api_key, expired_api_key</td></tr>
<tr><td>permission_error</td><td>403</td><td>plan_required, insufficient_scope</td></tr>
<tr><td>not_found_error</td><td>404</td><td>resource_not_found</td></tr>
<tr><td>conflict_error</td><td>409</td><td>folder_not_empty, folder_cycle, version_conflict, idempotency_key_reused, idempotency_key_in_progress</td></tr>
<tr><td>validation_error</td><td>422</td><td>validation_failed</td></tr>
<tr><td>rate_limit_error</td><td>429</td><td>rate_limit_exceeded, quota_exceeded</td></tr>
<tr><td>api_error</td><td>500</td><td>internal_error</td></tr>
</tbody></table>
<p><code>param</code> names the offending field; <code>request_id</code> matches the <code>X-Request-Id</code> header — quote it when you contact support.</p>
<div class="callout"><strong>Keep keys on servers.</strong> The API sends no CORS headers, so browsers cannot call it cross-origin — by design.</div>`;
}

function generate(baseUrl: string, config: Config): Html {
  const { quota } = config;
  return html`<h1>Generate diagrams</h1>
<p class="lead">Describe a process in plain language; get a BPMN diagram with pools, lanes, gateways and events, laid out and ready to render.</p>
<h2>Write a good description</h2>
<ul>
<li><strong>Name who does what.</strong> “Sales checks the credit” — the subject becomes the lane (Sales), the verb and object the task (“Check credit”).</li>
<li><strong>Keep the order.</strong> One step per sentence or clause, in the order they happen; “then”, “after that” and “finally” help.</li>
<li><strong>Say decisions with if/otherwise.</strong> “If the credit is approved, the warehouse ships the goods; otherwise Sales informs the customer.” becomes an exclusive gateway with labelled branches.</li>
<li><strong>Say parallel work with meanwhile.</strong> “Meanwhile Finance prepares the invoice.” or “at the same time” becomes a parallel split and join.</li>
<li><strong>Say loops with until/again.</strong> “Legal reviews the contract until it is approved.”</li>
<li><strong>Say how it ends.</strong> “Finally the case is closed.” makes the end event explicit.</li>
</ul>
<h2>Folder context</h2>
<p>Every folder can carry a context (up to 4,000 characters): terminology, the usual actors and lanes, naming style, language. Generating into a folder uses the contexts of that folder and all its parents, outermost first — so a “Sales” folder that says <em>“the lanes are Sales, Legal and Finance”</em> steers every diagram generated in it.</p>
${sample('create-folder', baseUrl)}
<h2>Generate</h2>
<p>With a key holding the <code>generate</code> scope (and <code>export FOLDER_ID=…</code> from the folder above):</p>
${sample('generate', baseUrl)}
<p>The answer names the new <code>diagram_id</code>, the provider and model, and any warnings (what the generator had to guess). Fetch the diagram's image as in the <a href="/docs/quickstart">Quickstart</a>. In the dashboard, use <em>Generate from a description</em> on any folder.</p>
<h2>Quota</h2>
<p>Each key may run ${quota.max} generations per rolling ${quota.windowDays} days. A generation that fails on our side does not count, and a replay with the same <code>Idempotency-Key</code> costs nothing. Over the quota you get <code>429 quota_exceeded</code> with a <code>Retry-After</code> telling when the oldest counted generation leaves the window. <code>GET /api/v1/key</code> shows your current usage.</p>
<p>Descriptions that hold no readable process (empty after trimming, or no actions at all) get <code>422 validation_failed</code> and cost no quota.</p>`;
}

function versions(baseUrl: string): Html {
  return html`<h1>Versions and compare</h1>
<p class="lead">Every change of a diagram's BPMN is kept as a version: see what changed between any two, as data or as a picture, and go back to any of them.</p>
<h2>What makes a version</h2>
<p>A diagram's first content (imported or generated) is version 1. Each later change of its BPMN — a <code>PATCH</code> with <code>bpmn_xml</code>, a save in the dashboard's modeler, a restore — makes a new version, numbered by the diagram <code>version</code> it produced. Renaming or moving a diagram raises its <code>version</code> (for <code>If-Match</code>) but makes no new version, so version numbers can have gaps. The newest version is always the diagram's current content, and can be addressed by its number like any other.</p>
<p>With the diagram from the <a href="/docs/quickstart">Quickstart</a> (<code>export DIAGRAM_ID=…</code>), change its BPMN. <code>If-Match</code> makes the change apply only if nobody changed the diagram in between (else <code>409 version_conflict</code>):</p>
${sample('update-bpmn', baseUrl)}
<h2>List versions</h2>
<p>Newest first, paginated with <code>limit</code> and <code>cursor</code> like every list. Each version tells its <code>source</code> (<code>imported</code>, <code>generated</code>, <code>edited</code> or <code>restored</code>), who made it (<code>created_by</code>), when, its <code>stats</code>, and for a generated one the <code>prompt</code>.</p>
${sample('list-versions', baseUrl)}
<p><code>GET /diagrams/{id}/versions/{version}</code> retrieves one; <code>…/export</code> downloads its BPMN 2.0 XML and <code>…/image</code> renders it with the same <code>format</code>, <code>theme</code> and <code>scale</code> options, <code>ETag</code> and <code>304</code> as the diagram's image:</p>
${sample('export-version', baseUrl)}
<h2>Compare two versions</h2>
<p><code>from</code> is required; <code>to</code> defaults to the current version. The answer lists, by element id, what was <code>added</code>, <code>removed</code>, <code>changed</code> (each changed attribute as <code>[old, new]</code>) and what only moved on the canvas (<code>layout_changed</code>) — tasks, events, gateways, flows, pools, lanes, data and annotations.</p>
${sample('compare-versions', baseUrl)}
<p>The same difference as a picture: the <code>to</code> diagram with added elements in green, changed ones in amber and removed ones as faded red ghosts where they were, with a legend; light or dark, PNG or SVG.</p>
${sample('compare-image', baseUrl)}
<h2>Restore</h2>
<p>Restoring makes the old content current again as a new version (source <code>restored</code>): history is never rewritten. It needs the <code>diagrams:write</code> scope and honours <code>If-Match</code> and <code>Idempotency-Key</code>; reading versions and comparing need <code>diagrams:read</code>.</p>
${sample('restore-version', baseUrl)}
<h2>Retention</h2>
<p>Every version is kept unless the operator sets <code>VERSION_RETENTION</code>: then each diagram keeps that many newest versions (the current one included), and a change that makes one more removes the oldest at the same moment. Deleting a diagram deletes its versions. Versions are stored compressed, about an eighth of the XML's size.</p>`;
}
