// The XML names the render-only reader has met: one record per distinct name, which caches what the name resolves
// to under the current namespace scope, so resolving (prefix → namespace → moddle's name) happens once per name and
// scope, not once per element or attribute. Documents share the table, since they use the same names.
import { BOOLEAN_ATTRIBUTES, type ChildRule, type PackageInfo, type Property } from './schema.ts';

export interface Name {
  readonly text: string;
  /** '' when unprefixed. */
  readonly prefix: string;
  readonly local: string;
  readonly prefixed: boolean;
  /** A colon first, last or twice: not a qualified name. */
  readonly malformed: boolean;
  /** `xmlns` or `xmlns:…`: a namespace declaration. */
  readonly declaration: boolean;
  /** An attribute name some moddle type declares Boolean (parse.ts reads its other spellings). */
  readonly booleanAttribute: boolean;
  /** As an element name: the scope version `elementUri`… were resolved in (see nextScopeVersion; -1 before). */
  elementScope: number;
  elementUri: string | undefined;
  elementPackage: PackageInfo | null;
  /** moddle-xml's normalised element name (`bpmn:task`, a bare local name in no namespace). */
  elementKey: string;
  /** As an element name under a parent type (by TypeInfo.index): the child rule for `elementKey`. */
  rules: (ChildRule | undefined)[];
  /** As an unprefixed attribute of a type (by TypeInfo.index): its property, or null for none. */
  properties: (Property | null | undefined)[];
  /** As a prefixed attribute name: the scope version `attributeUri` and `attributeKey` were resolved in. */
  attributeScope: number;
  attributeUri: string | undefined;
  /** The property name moddle looks up (`bioc:fill`), or null for an attribute of no moddle package. */
  attributeKey: string | null;
}

function createName(text: string): Name {
  const colon = text.indexOf(':');
  return {
    text,
    prefix: colon < 0 ? '' : text.slice(0, colon),
    local: colon < 0 ? text : text.slice(colon + 1),
    prefixed: colon >= 0,
    malformed: colon >= 0 && (colon === 0 || colon === text.length - 1 || text.indexOf(':', colon + 1) >= 0),
    declaration: text === 'xmlns' || text.startsWith('xmlns:'),
    booleanAttribute: BOOLEAN_ATTRIBUTES.has(text),
    elementScope: -1,
    elementUri: undefined,
    elementPackage: null,
    elementKey: '',
    rules: [],
    properties: [],
    attributeScope: -1,
    attributeUri: undefined,
    attributeKey: null,
  };
}

/** A node of the name trie: the names that start with the characters on the way to it. */
export interface NameNode {
  code: number;
  /** First child; children are chained through `sibling`. */
  child: NameNode | null;
  sibling: NameNode | null;
  /** The name spelled by the way to this node, once it has been met. */
  name: Name | null;
}

/** More distinct name characters than real documents have: a document that needs more is left to the full parser. */
const MAX_NODES = 100_000;

let versions = 0;

/** A number no scope of any document has had: names resolved under another scope are resolved again. */
export function nextScopeVersion(): number {
  return ++versions;
}

/**
 * A trie over character codes. The scanner steps through it as it reads a name's characters, so finding a name's
 * record costs a pointer step per character: no slice, no hashing, no map lookup.
 */
export class NameTable {
  /** Children of the root by character code: every name starts at the root. */
  private readonly first: (NameNode | undefined)[] = new Array(128);
  private nodes = 0;

  private static shared: NameTable | null = null;

  /** The table for the next document: the one documents share, renewed between documents once it has grown large. */
  static forDocument(): NameTable {
    if (!NameTable.shared || NameTable.shared.nodes > MAX_NODES / 2) NameTable.shared = new NameTable();
    return NameTable.shared;
  }

  /** The node after a name's first character (a name start character, below 128). */
  start(code: number): NameNode {
    return (this.first[code] ??= this.node(code));
  }

  /** The node after `node` for the next character of a name; null when the table is full. */
  step(node: NameNode, code: number): NameNode | null {
    let child = node.child;
    if (child !== null && child.code === code) return child;
    let before: NameNode | null = null;
    while (child !== null && child.code !== code) {
      before = child;
      child = child.sibling;
    }
    if (child === null) {
      if (this.nodes >= MAX_NODES) return null;
      child = this.node(code);
    } else {
      before!.sibling = child.sibling;
    }
    // Found children move to the front: a document repeats the names it just used.
    child.sibling = node.child;
    node.child = child;
    return child;
  }

  /** The record of the name source[start, end), which the scan reached `node` with. */
  name(node: NameNode, source: string, start: number, end: number): Name {
    return (node.name ??= createName(source.slice(start, end)));
  }

  private node(code: number): NameNode {
    this.nodes++;
    return { code, child: null, sibling: null, name: null };
  }
}
