// Every code sample the docs show, as data: the pages render them and test/web/docs-samples.test.ts runs
// them (with curl, against a real server and a real key), so a sample that stops working fails a test.

export type DocPageId = 'quickstart' | 'authentication' | 'generate' | 'versions';

export interface DocSample {
  id: string;
  page: DocPageId;
  /** The API route it calls, as in the OpenAPI document ("GET /key"); null for an operator's `npx jfi` command (run in the server's folder). */
  route: string | null;
  /** A shell command; {{BASE_URL}} becomes the server's address; $JFI_KEY (and captured variables) come from the environment. */
  command: string;
  /** Text the command's output must contain. */
  expect: string[];
  /** A file the command writes and the bytes it must start with. */
  writes?: { file: string; startsWith: 'png' | 'svg' | 'xml' };
  /** Exports a field of the JSON output as an environment variable for the samples after it. */
  capture?: { variable: string; field: string };
}

const AUTH = '-H "Authorization: Bearer $JFI_KEY"';

const HELLO_BPMN =
  '<definitions xmlns=\\"http://www.omg.org/spec/BPMN/20100524/MODEL\\" targetNamespace=\\"https://example.com\\">' +
  '<process id=\\"hello\\"><startEvent id=\\"start\\"/><task id=\\"greet\\" name=\\"Say hello\\"/><endEvent id=\\"end\\"/>' +
  '<sequenceFlow id=\\"f1\\" sourceRef=\\"start\\" targetRef=\\"greet\\"/><sequenceFlow id=\\"f2\\" sourceRef=\\"greet\\" targetRef=\\"end\\"/>' +
  '</process></definitions>';

/** The quickstart's diagram with its task renamed and a second task added: what the versions page changes. */
const HELLO_BPMN_REVISED =
  '<definitions xmlns=\\"http://www.omg.org/spec/BPMN/20100524/MODEL\\" targetNamespace=\\"https://example.com\\">' +
  '<process id=\\"hello\\"><startEvent id=\\"start\\"/><task id=\\"greet\\" name=\\"Say hello warmly\\"/><task id=\\"wave\\" name=\\"Wave\\"/><endEvent id=\\"end\\"/>' +
  '<sequenceFlow id=\\"f1\\" sourceRef=\\"start\\" targetRef=\\"greet\\"/><sequenceFlow id=\\"f2\\" sourceRef=\\"greet\\" targetRef=\\"wave\\"/>' +
  '<sequenceFlow id=\\"f3\\" sourceRef=\\"wave\\" targetRef=\\"end\\"/></process></definitions>';

export const SAMPLES: DocSample[] = [
  {
    id: 'set-plan',
    page: 'quickstart',
    route: null,
    command: 'npx jfi user set-plan --email you@example.com --plan pro',
    expect: ['you@example.com is now on the pro plan.'],
  },
  {
    id: 'check-key',
    page: 'quickstart',
    route: 'GET /key',
    command: `curl {{BASE_URL}}/api/v1/key \\\n  ${AUTH}`,
    expect: ['"object":"api_key"', '"scopes"'],
  },
  {
    id: 'import-diagram',
    page: 'quickstart',
    route: 'POST /diagrams',
    command: `curl {{BASE_URL}}/api/v1/diagrams \\\n  ${AUTH} \\\n  -H "Content-Type: application/json" \\\n  -d '{"name": "Hello BPMN", "bpmn_xml": "${HELLO_BPMN}"}'`,
    expect: ['"object":"diagram"', '"name":"Hello BPMN"'],
    capture: { variable: 'DIAGRAM_ID', field: 'id' },
  },
  {
    id: 'render-image',
    page: 'quickstart',
    route: 'GET /diagrams/{id}/image',
    command: `curl "{{BASE_URL}}/api/v1/diagrams/$DIAGRAM_ID/image?theme=dark" \\\n  ${AUTH} \\\n  -o diagram.png`,
    expect: [],
    writes: { file: 'diagram.png', startsWith: 'png' },
  },
  {
    id: 'export-bpmn',
    page: 'quickstart',
    route: 'GET /diagrams/{id}/export',
    command: `curl {{BASE_URL}}/api/v1/diagrams/$DIAGRAM_ID/export \\\n  ${AUTH} \\\n  -o hello.bpmn`,
    expect: [],
    writes: { file: 'hello.bpmn', startsWith: 'xml' },
  },
  {
    id: 'list-diagrams',
    page: 'authentication',
    route: 'GET /diagrams',
    command: `curl {{BASE_URL}}/api/v1/diagrams \\\n  ${AUTH}`,
    expect: ['"object":"list"', '"has_more"'],
  },
  {
    id: 'missing-key',
    page: 'authentication',
    route: 'GET /key',
    command: 'curl -i {{BASE_URL}}/api/v1/key',
    expect: ['HTTP/1.1 401', 'WWW-Authenticate: Bearer', '"code":"missing_api_key"'],
  },
  {
    id: 'rate-limit-headers',
    page: 'authentication',
    route: 'GET /key',
    command: `curl -s -D - -o /dev/null {{BASE_URL}}/api/v1/key \\\n  ${AUTH}`,
    expect: ['RateLimit-Limit: 120', 'RateLimit-Remaining', 'X-Request-Id: req_'],
  },
  {
    id: 'create-folder',
    page: 'generate',
    route: 'POST /folders',
    command: `curl {{BASE_URL}}/api/v1/folders \\\n  ${AUTH} \\\n  -H "Content-Type: application/json" \\\n  -d '{"name": "Sales", "context": "We sell B2B software. The lanes are Sales, Legal and Finance."}'`,
    expect: ['"object":"folder"', '"name":"Sales"'],
    capture: { variable: 'FOLDER_ID', field: 'id' },
  },
  {
    id: 'generate',
    page: 'generate',
    route: 'POST /generations',
    command: `curl {{BASE_URL}}/api/v1/generations \\\n  ${AUTH} \\\n  -H "Content-Type: application/json" \\\n  -d '{"folder_id": "'"$FOLDER_ID"'", "prompt": "When a deal is agreed, Sales prepares the contract. Legal reviews it. If Legal approves, Finance sends the invoice; otherwise Sales revises the contract."}'`,
    expect: ['"object":"generation"', '"diagram_id"'],
  },
  {
    id: 'update-bpmn',
    page: 'versions',
    route: 'PATCH /diagrams/{id}',
    command: `curl -X PATCH {{BASE_URL}}/api/v1/diagrams/$DIAGRAM_ID \\\n  ${AUTH} \\\n  -H "Content-Type: application/json" \\\n  -H 'If-Match: "1"' \\\n  -d '{"bpmn_xml": "${HELLO_BPMN_REVISED}"}'`,
    expect: ['"object":"diagram"', '"version":2'],
  },
  {
    id: 'list-versions',
    page: 'versions',
    route: 'GET /diagrams/{id}/versions',
    command: `curl {{BASE_URL}}/api/v1/diagrams/$DIAGRAM_ID/versions \\\n  ${AUTH}`,
    expect: ['"object":"list"', '"object":"diagram_version","diagram_id"', '"version":2', '"source":"edited"', '"version":1', '"source":"imported"'],
  },
  {
    id: 'compare-versions',
    page: 'versions',
    route: 'GET /diagrams/{id}/compare',
    command: `curl "{{BASE_URL}}/api/v1/diagrams/$DIAGRAM_ID/compare?from=1&to=2" \\\n  ${AUTH}`,
    expect: ['"object":"diagram_compare"', '"id":"wave"', '"attributes":{"name":["Say hello","Say hello warmly"]}'],
  },
  {
    id: 'compare-image',
    page: 'versions',
    route: 'GET /diagrams/{id}/compare/image',
    command: `curl "{{BASE_URL}}/api/v1/diagrams/$DIAGRAM_ID/compare/image?from=1&to=2&theme=dark" \\\n  ${AUTH} \\\n  -o compare.png`,
    expect: [],
    writes: { file: 'compare.png', startsWith: 'png' },
  },
  {
    id: 'export-version',
    page: 'versions',
    route: 'GET /diagrams/{id}/versions/{version}/export',
    command: `curl {{BASE_URL}}/api/v1/diagrams/$DIAGRAM_ID/versions/1/export \\\n  ${AUTH} \\\n  -o hello-v1.bpmn`,
    expect: [],
    writes: { file: 'hello-v1.bpmn', startsWith: 'xml' },
  },
  {
    id: 'restore-version',
    page: 'versions',
    route: 'POST /diagrams/{id}/versions/{version}/restore',
    command: `curl -X POST {{BASE_URL}}/api/v1/diagrams/$DIAGRAM_ID/versions/1/restore \\\n  ${AUTH} \\\n  -H 'If-Match: "2"'`,
    expect: ['"object":"diagram"', '"version":3'],
  },
];

/** A whole program in another language than the shell; test/client/docs-sample.test.ts runs it as the page shows it. */
export interface ProgramSample {
  id: string;
  page: DocPageId;
  /** The program's text; {{BASE_URL}} becomes the server's address, the key comes from $JFI_KEY. */
  code: string;
}

/** The Quickstart's steps 4 and 5 with the TypeScript client. */
export const TYPESCRIPT_QUICKSTART: ProgramSample = {
  id: 'typescript-quickstart',
  page: 'quickstart',
  code: `import { writeFile } from 'node:fs/promises';
import { JustFlowIt } from '@justflowit/client';

const jfi = new JustFlowIt({ apiKey: process.env.JFI_KEY!, baseUrl: '{{BASE_URL}}' });

const key = await jfi.key.retrieve();
console.log(\`A \${key.mode} key with the scopes \${key.scopes.join(', ')}\`);

const diagram = await jfi.diagrams.create({
  name: 'Hello BPMN',
  bpmn_xml: \`${HELLO_BPMN.replaceAll('\\"', '"')}\`,
});
await writeFile('diagram.png', await jfi.diagrams.render(diagram.id, { theme: 'dark' }));
await writeFile('hello.bpmn', await jfi.diagrams.export(diagram.id));

// Every diagram, newest first: the client follows the pages for you.
for await (const { id, name } of jfi.diagrams.list()) console.log(id, name);
`,
};

export function sampleById(id: string): DocSample {
  const sample = SAMPLES.find((s) => s.id === id);
  if (!sample) throw new Error(`No docs sample ${id}`);
  return sample;
}

export function commandFor(sample: DocSample | ProgramSample, baseUrl: string): string {
  return ('command' in sample ? sample.command : sample.code).replaceAll('{{BASE_URL}}', baseUrl);
}
