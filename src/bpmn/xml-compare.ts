// Semantic XML comparison: both documents become namespace-resolved trees (prefixes do not matter, order of
// children and their content does) and the first difference is reported with a path to it.
import { scanXml, type XmlGuardLimits } from './xml-guard.ts';

export interface XmlElementNode {
  uri: string;
  local: string;
  /** `{uri}local` → value; xsi:type values are resolved to `{uri}local` too. */
  attributes: Map<string, string>;
  children: XmlElementNode[];
  /**
   * Character data directly inside the element, trimmed. In mixed content each run of text between child
   * elements is kept apart, prefixed with the number of children before it (`1:` for text after the first).
   */
  text: string;
}

export interface XmlTree {
  root: XmlElementNode;
  /** Every namespace URI declared anywhere in the document. */
  namespaces: Set<string>;
}

export interface XmlDifference {
  /** Where: `/definitions/process[@id=P]/task[@id=T]`, or `/` for document-level differences. */
  path: string;
  message: string;
}

const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

// Comparison is for trusted test and benchmark input, so the bounds are generous.
const TREE_LIMITS: XmlGuardLimits = {
  maxDepth: 10_000,
  maxElements: 10_000_000,
  maxAttributeLength: 64 * 1024 * 1024,
  maxAttributeTotal: 1024 * 1024 * 1024,
  maxAttributesPerElement: 100_000,
};

/** Parses XML into a namespace-resolved tree (throws XmlGuardError when it is not well formed). */
export function parseXmlTree(xml: string): XmlTree {
  const namespaces = new Set<string>();
  const stack: { node: XmlElementNode; runs: Map<number, string> }[] = [];
  const scopes: Map<string, string>[] = [];
  let root: XmlElementNode | null = null;
  scanXml(xml, TREE_LIMITS, {
    open(tag) {
      const scope = new Map(scopes[scopes.length - 1] ?? []);
      for (const [prefix, uri] of tag.namespaces) {
        scope.set(prefix, uri);
        namespaces.add(uri);
      }
      scopes.push(scope);
      const attributes = new Map<string, string>();
      for (const a of tag.attributes) {
        const isType = a.uri === XSI_NS && a.local === 'type';
        attributes.set(`{${a.uri}}${a.local}`, isType ? resolveQName(a.value, scope) : a.value);
      }
      const node: XmlElementNode = { uri: tag.name.uri, local: tag.name.local, attributes, children: [], text: '' };
      const parent = stack[stack.length - 1];
      if (parent) parent.node.children.push(node);
      else root = node;
      stack.push({ node, runs: new Map() });
    },
    text(text) {
      const top = stack[stack.length - 1];
      if (!top) return;
      const at = top.node.children.length;
      top.runs.set(at, (top.runs.get(at) ?? '') + text);
    },
    close() {
      const done = stack.pop()!;
      scopes.pop();
      const runs = [...done.runs].map(([at, run]) => [at, run.trim()] as const).filter(([, run]) => run !== '');
      done.node.text = runs.length === 1 && runs[0]![0] === 0 ? runs[0]![1] : runs.map(([at, run]) => `${at}:${run}`).join('|');
    },
  });
  return { root: root!, namespaces };
}

function resolveQName(value: string, scope: Map<string, string>): string {
  const colon = value.indexOf(':');
  const prefix = colon > 0 ? value.slice(0, colon) : '';
  const uri = scope.get(prefix);
  return uri === undefined ? value : `{${uri}}${value.slice(colon + 1)}`;
}

/** The first semantic difference between two XML documents, or null when they say the same thing. */
export function compareXml(expected: string, actual: string): XmlDifference | null {
  const a = parseXmlTree(expected);
  const b = parseXmlTree(actual);
  for (const uri of a.namespaces) {
    if (!b.namespaces.has(uri)) return { path: '/', message: `namespace ${uri} is no longer declared` };
  }
  for (const uri of b.namespaces) {
    if (!a.namespaces.has(uri)) return { path: '/', message: `namespace ${uri} is declared but was not before` };
  }
  return compareElements(a.root, b.root, `/${a.root.local}`);
}

function label(node: XmlElementNode): string {
  const id = node.attributes.get('{}id');
  return id === undefined ? node.local : `${node.local}[@id=${id}]`;
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Equal strings, or two decimal numerals of the same value: "30.0" and "30" are one xsd:double. */
function sameValue(a: string, b: string): boolean {
  return a === b || (DECIMAL.test(a) && DECIMAL.test(b) && Number(a) === Number(b));
}

function compareElements(a: XmlElementNode, b: XmlElementNode, path: string): XmlDifference | null {
  if (a.uri !== b.uri || a.local !== b.local) {
    return { path, message: `element {${a.uri}}${a.local} became {${b.uri}}${b.local}` };
  }
  for (const [key, value] of a.attributes) {
    const other = b.attributes.get(key);
    if (other === undefined) return { path, message: `attribute ${key} (="${value}") is missing` };
    if (!sameValue(value, other)) return { path, message: `attribute ${key} changed from "${value}" to "${other}"` };
  }
  for (const [key, value] of b.attributes) {
    if (!a.attributes.has(key)) return { path, message: `attribute ${key} (="${value}") was added` };
  }
  if (a.text !== b.text) {
    return { path, message: `text changed from ${JSON.stringify(a.text.slice(0, 80))} to ${JSON.stringify(b.text.slice(0, 80))}` };
  }
  const count = Math.min(a.children.length, b.children.length);
  for (let i = 0; i < count; i++) {
    const diff = compareElements(a.children[i]!, b.children[i]!, `${path}/${label(a.children[i]!)}`);
    if (diff) return diff;
  }
  if (a.children.length > count) {
    return { path: `${path}/${label(a.children[count]!)}`, message: `element {${a.children[count]!.uri}}${a.children[count]!.local} is missing` };
  }
  if (b.children.length > count) {
    return { path: `${path}/${label(b.children[count]!)}`, message: `element {${b.children[count]!.uri}}${b.children[count]!.local} was added` };
  }
  return null;
}
