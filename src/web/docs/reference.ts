// The API Reference: the live OpenAPI document rendered server-side into readable HTML.
import { html, type Html } from '../html.ts';

type Json = Record<string, any>;

const METHODS = ['get', 'post', 'patch', 'put', 'delete'] as const;

/** Renders every operation: method and path, summary, scopes, parameters, body fields and responses. */
export function renderReference(document: Json, baseUrl: string): { nav: Html; body: Html } {
  const server = String(document.servers?.[0]?.url ?? '/api/v1');
  const base = server.startsWith('/') ? `${baseUrl}${server}` : server;
  const operations: { id: string; method: string; path: string; op: Json }[] = [];
  for (const [path, item] of Object.entries<Json>(document.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (op) operations.push({ id: anchor(method, path), method, path, op: { ...op, parameters: [...(item.parameters ?? []), ...(op.parameters ?? [])] } });
    }
  }
  const groups = new Map<string, typeof operations>();
  for (const operation of operations) {
    const tag = String(operation.op.tags?.[0] ?? operation.path.split('/')[1] ?? 'api');
    groups.set(tag, [...(groups.get(tag) ?? []), operation]);
  }
  const nav = html`${[...groups.keys()].map((tag) => html`<a class="sub" href="#tag-${tag}">${title(tag)}</a>`)}`;
  const body = html`<p class="lead">${document.info?.description ?? ''}</p>
<p>Base URL <code>${base}</code> · OpenAPI ${document.openapi} · <a href="/api/v1/openapi.json">openapi.json</a> (version ${document.info?.version})</p>
${[...groups.entries()].map(
  ([tag, ops]) => html`<h2 id="tag-${tag}">${title(tag)}</h2>${ops.map(({ id, method, path, op }) => operationHtml(id, method, server + path, op))}`,
)}`;
  return { nav, body };
}

function operationHtml(id: string, method: string, path: string, op: Json): Html {
  const scopes: string[] = op['x-required-scopes'] ?? [];
  const params: Json[] = op.parameters ?? [];
  const bodySchema = op.requestBody?.content?.['application/json']?.schema as Json | undefined;
  const responses = Object.entries<Json>(op.responses ?? {});
  const successes = responses.filter(([status]) => !/^[45]/.test(status));
  const failures = responses.filter(([status]) => /^[45]/.test(status));
  return html`<section class="endpoint" id="${id}">
  <div class="endpoint-head"><span class="method method-${method}">${method}</span><span class="path">${path}</span>
    <span class="hint">${scopes.length ? html`scopes: ${scopes.map((s) => html`<code>${s}</code> `)}` : 'no scope needed'}</span></div>
  <div class="endpoint-body">
    <p><strong>${op.summary ?? ''}</strong>${op.description ? html` — ${op.description}` : ''}</p>
    ${params.length ? html`<h3>Parameters</h3><table><thead><tr><th>name</th><th>in</th><th>type</th><th>description</th></tr></thead><tbody>${params.map(
      (p) => html`<tr><td><code>${p.name}</code>${p.required ? html` <span class="badge">required</span>` : ''}</td><td>${p.in}</td><td>${typeOf(p.schema ?? {})}</td><td>${p.description ?? p.schema?.description ?? ''}${defaultOf(p.schema ?? {})}</td></tr>`,
    )}</tbody></table>` : ''}
    ${bodySchema ? html`<h3>Request body</h3>${fieldsTable(bodySchema)}` : ''}
    <h3>Responses</h3>
    <table><tbody>${successes.map(([status, response]) => {
      const schema = response.content?.['application/json']?.schema as Json | undefined;
      const success = status.startsWith('2');
      return html`<tr><td><code>${status}</code></td><td>${response.description ?? ''}${success && schema?.properties ? html`<details><summary>fields</summary>${fieldsTable(schema)}</details>` : ''}${success && !schema && response.content ? html` (${Object.keys(response.content).join(', ')})` : ''}</td></tr>`;
    })}</tbody></table>
    ${failures.length ? html`<details class="errors"><summary>Errors: ${failures.map(([status]) => status).join(', ')}</summary><table><tbody>${failures.map(([status, response]) => html`<tr><td><code>${status}</code></td><td>${response.description ?? ''}</td></tr>`)}</tbody></table></details>` : ''}
  </div>
</section>`;
}

function fieldsTable(schema: Json): Html {
  const properties = Object.entries<Json>(schema.properties ?? {});
  if (properties.length === 0) return html`<p>${typeOf(schema)}</p>`;
  const required = new Set<string>(schema.required ?? []);
  return html`<table><thead><tr><th>field</th><th>type</th><th>description</th></tr></thead><tbody>${properties.map(
    ([name, property]) => html`<tr><td><code>${name}</code>${required.has(name) ? html` <span class="badge">required</span>` : ''}</td><td>${typeOf(property)}</td><td>${property.description ?? ''}${defaultOf(property)}</td></tr>`,
  )}</tbody></table>`;
}

/** What an optional value is when left out, as the schema says. */
function defaultOf(schema: Json): Html | string {
  return schema.default === undefined ? '' : html` <span class="default">default <code>${JSON.stringify(schema.default)}</code></span>`;
}

/** A short, readable type: unions of enums become "live | test", arrays "string[]". */
function typeOf(schema: Json): string {
  if (!schema || typeof schema !== 'object') return 'any';
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (Array.isArray(schema.enum)) return schema.enum.map((v: unknown) => JSON.stringify(v)).join(' | ');
  const union = (schema.anyOf ?? schema.oneOf) as Json[] | undefined;
  if (Array.isArray(union)) return [...new Set(union.map(typeOf))].join(' | ');
  if (Array.isArray(schema.type)) return schema.type.join(' | ');
  if (schema.type === 'array') return `${typeOf(schema.items ?? {})}[]`;
  const bounds = [schema.minLength !== undefined || schema.maxLength !== undefined ? `${schema.minLength ?? 0}–${schema.maxLength ?? '∞'} chars` : '', schema.minimum !== undefined || schema.maximum !== undefined ? `${schema.minimum ?? ''}–${schema.maximum ?? ''}` : '', schema.format ?? '']
    .filter(Boolean)
    .join(', ');
  return `${schema.type ?? 'object'}${bounds ? ` (${bounds})` : ''}`;
}

function anchor(method: string, path: string): string {
  return `${method}-${path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}`;
}

function title(tag: string): string {
  return tag.charAt(0).toUpperCase() + tag.slice(1);
}
