// The render-only reader: BPMN XML → the part of a bpmn-moddle tree that renderSvg reads, in one pass. It scans
// with the import guard's rules (xml-guard.ts: no DTD, entity or processing instruction; bounded size, depth,
// elements and attributes; valid characters and names; declared prefixes) and builds elements the way
// moddle-xml does: same property for each attribute and child, same coercion, entity decoding (saxen's),
// id registration and reference resolution. Anything it is not sure to read exactly as the full parser
// (every refusal included) returns null, and the caller takes the full path, which throws the precise error.
import type { Definitions } from '../../model.ts';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from '../../parse.ts';
import { XML_NS, XMLNS_NS } from '../../xml-guard.ts';
import { NameTable, nextScopeVersion, type Name, type NameNode } from './names.ts';
import { childRule, coerce, PACKAGE_BY_URI, ruleFor, typeInfo, XSI_URI, type PlainRule, type Property, type ReaderElement, type TypeInfo } from './schema.ts';

const BPMN_MODEL_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
const INVALID_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
// A faster first screen: most documents hold no control character, surrogate (paired or not), U+FFFE or U+FFFF.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const SUSPECT_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const LEGAL_ID = /^([a-z][\w-.]*:)?[a-z_][\w-.]*$/i;
const BOOLEAN_SPELLING = /^\s*(true|false|1|0)\s*$/;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Thrown inside the scan: the fast path gives up and the full parser decides. */
const BAIL = new Error('lean reader bails out');

const enum Frame {
  Element,
  Value,
  Reference,
  Skip,
}

/** What a frame writes to: an element being built, or a reference's placeholder. */
type Target = Record<string, unknown>;

/** An open element. Frames are reused by depth, so opening an element allocates none. */
interface Open {
  name: Name;
  frame: Frame;
  /** The element (Element), the referencing placeholder (Reference) or the owner (Value). */
  target: Target | null;
  info: TypeInfo | null;
  property: Property | null;
  body: string | undefined;
  /** Length of the namespace undo log when this element opened. */
  scopeMark: number;
}

// A type, not an interface: a placeholder is a Target while it waits in its owner's list.
type Reference = {
  element: Target;
  property: Property;
  id: string | undefined;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** ASCII name characters only: saxen refuses or drops other names that the guard would accept. */
function isNameStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e;
}

function isXmlChar(code: number): boolean {
  if (code < 0x20) return code === 0x09 || code === 0x0a || code === 0x0d;
  if (code >= 0xd800 && code <= 0xdfff) return false;
  return code !== 0xfffe && code !== 0xffff && code <= 0x10ffff;
}

/** Whether source[from, to) is exactly `word`. */
function spells(source: string, from: number, to: number, word: string): boolean {
  return to - from === word.length && source.startsWith(word, from);
}

/**
 * Checks every reference in raw[from, to) as the guard does (predefined entities and character references
 * only), and decodes them as saxen does, String.fromCharCode included.
 */
function decode(source: string, from: number, to: number): string {
  const s = source.slice(from, to);
  let amp = s.indexOf('&');
  if (amp < 0) return s;
  let out = '';
  let at = 0;
  while (amp >= 0) {
    const semi = s.indexOf(';', amp + 1);
    if (semi < 0 || semi - amp > 12) throw BAIL;
    let value: string | undefined;
    if (s.charCodeAt(amp + 1) === 0x23 /* # */) {
      const ref = s.slice(amp + 1, semi);
      const code = /^#x[0-9a-fA-F]{1,6}$/.test(ref) ? parseInt(ref.slice(2), 16) : /^#[0-9]{1,7}$/.test(ref) ? parseInt(ref.slice(1), 10) : NaN;
      if (!Number.isFinite(code) || !isXmlChar(code)) throw BAIL;
      value = String.fromCharCode(code);
    } else {
      value = PREDEFINED[s.slice(amp + 1, semi)];
      if (value === undefined) throw BAIL;
    }
    out += s.slice(at, amp) + value;
    at = semi + 1;
    amp = s.indexOf('&', at);
  }
  return out + s.slice(at);
}

function guardLimits(limits: ParseLimits) {
  return {
    maxBytes: limits.maxBytes,
    maxDepth: limits.maxDepth,
    maxElements: limits.maxElements,
    maxAttributeLength: limits.maxAttributeLength ?? 256 * 1024,
    maxAttributeTotal: limits.maxAttributeTotal ?? Math.min(limits.maxBytes, 16 * 1024 * 1024),
    maxAttributesPerElement: limits.maxAttributesPerElement ?? 512,
  };
}

/**
 * Reads BPMN XML into bpmn-moddle-shaped definitions for renderSvg, or null when the full parser must decide
 * (a refusal, or a construct this reader does not mirror).
 */
export function readForRender(xml: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): Definitions | null {
  if (xml.length > limits.maxBytes || Buffer.byteLength(xml, 'utf8') > limits.maxBytes) return null;
  if (SUSPECT_CHARACTER.test(xml) && INVALID_CHARACTER.test(xml)) return null;
  try {
    // Elements on their types' prototypes (schema.ts), shaped as bpmn-moddle's.
    return new LeanReader(xml, guardLimits(limits)).run() as unknown as Definitions;
  } catch (error) {
    if (error === BAIL) return null;
    throw error;
  }
}

class LeanReader {
  private pos = 0;
  private elements = 0;
  private attributeTotal = 0;
  private root: ReaderElement | null = null;
  private rootClosed = false;
  /** Open elements: frames[0, depth). */
  private readonly frames: Open[] = [];
  private depth = 0;
  private readonly names = NameTable.forDocument();
  /** prefix → namespace URI in scope, with an undo log restored as elements close. */
  private readonly scope = new Map<string, string>([['xml', XML_NS], ['xmlns', XMLNS_NS]]);
  private readonly undo: [string, string | undefined][] = [];
  /** Changes whenever the scope does, so names can cache what they resolve to. */
  private scopeVersion = nextScopeVersion();
  private readonly byId = new Map<string, ReaderElement>();
  private readonly references: Reference[] = [];
  /** Booleans spelled `1`, `0` or with spaces on an element with an id (parse.ts reads them as xsd:boolean). */
  private readonly booleans: { id: string; name: string; lexical: string }[] = [];
  /** Attribute scratch: name, value start, value end. */
  private readonly attrNames: Name[] = [];
  private readonly attrStarts: number[] = [];
  private readonly attrEnds: number[] = [];
  /** Whether the value holds a reference (`&…;`) to decode. */
  private readonly attrReferences: boolean[] = [];
  private attrCount = 0;
  /** The next '<' and '&' at or after the current tag, found once for all the attribute values before them. */
  private nextLt = -1;
  private nextAmp = -1;

  constructor(
    private readonly s: string,
    private readonly limits: ReturnType<typeof guardLimits>,
  ) {}

  run(): ReaderElement {
    const s = this.s;
    if (s.charCodeAt(0) === 0xfeff) this.pos = 1;
    if (s.trim() === '') throw BAIL;
    while (this.pos < s.length) {
      if (s.charCodeAt(this.pos) === 0x3c) this.markup();
      else this.characterData();
    }
    if (this.depth > 0 || !this.root) throw BAIL;
    this.resolveReferences();
    this.readBooleans();
    return this.root;
  }

  private markup(): void {
    const s = this.s;
    const start = this.pos;
    const next = s.charCodeAt(start + 1);
    if (next === 0x3f /* ? */) {
      // Only the XML declaration, first in the document.
      const first = s.charCodeAt(0) === 0xfeff ? 1 : 0;
      const after = s.charCodeAt(start + 5);
      if (start !== first || !s.startsWith('<?xml', start) || !(isSpace(after) || after === 0x3f)) throw BAIL;
      const end = s.indexOf('?>', start + 2);
      if (end < 0) throw BAIL;
      this.pos = end + 2;
      return;
    }
    if (next === 0x21 /* ! */) {
      if (s.startsWith('<!--', start)) {
        const end = s.indexOf('-->', start + 4);
        if (end < 0) throw BAIL;
        this.pos = end + 3;
        return;
      }
      if (s.startsWith('<![CDATA[', start)) {
        if (this.depth === 0) throw BAIL;
        const end = s.indexOf(']]>', start + 9);
        if (end < 0) throw BAIL;
        this.text(s.slice(start + 9, end));
        this.pos = end + 3;
        return;
      }
      throw BAIL;
    }
    if (next === 0x2f /* / */) this.endTag();
    else this.startTag();
  }

  private startTag(): void {
    const s = this.s;
    const limits = this.limits;
    if (this.rootClosed) throw BAIL;
    let pos = this.pos + 1;
    let c = s.charCodeAt(pos);
    if (!isNameStart(c)) throw BAIL;
    const nameStart = pos;
    const names = this.names;
    let node: NameNode | null = names.start(c);
    for (c = s.charCodeAt(++pos); isNameChar(c); c = s.charCodeAt(++pos)) if ((node = names.step(node, c)) === null) throw BAIL;
    if (c >= 0x80) throw BAIL; // a non-ASCII name character: the guard accepts it, saxen does not
    const name = names.name(node, s, nameStart, pos);
    const attrNames = this.attrNames;
    const starts = this.attrStarts;
    const ends = this.attrEnds;
    let count = 0;
    let selfClosing = false;
    let declares = false;
    let prefixed = false;
    let oddBoolean = false;
    for (;;) {
      const hadSpace = isSpace(c);
      while (isSpace(c)) c = s.charCodeAt(++pos);
      if (c === 0x3e /* > */) {
        pos++;
        break;
      }
      if (c === 0x2f /* / */ && s.charCodeAt(pos + 1) === 0x3e) {
        pos += 2;
        selfClosing = true;
        break;
      }
      if (!hadSpace || count >= limits.maxAttributesPerElement || !isNameStart(c)) throw BAIL;
      const attrStart = pos;
      node = names.start(c);
      for (c = s.charCodeAt(++pos); isNameChar(c); c = s.charCodeAt(++pos)) if ((node = names.step(node, c)) === null) throw BAIL;
      if (c >= 0x80) throw BAIL;
      const attr = names.name(node, s, attrStart, pos);
      while (isSpace(c)) c = s.charCodeAt(++pos);
      if (c !== 0x3d /* = */) throw BAIL;
      c = s.charCodeAt(++pos);
      while (isSpace(c)) c = s.charCodeAt(++pos);
      if (c !== 0x22 && c !== 0x27) throw BAIL;
      const end = s.indexOf(c === 0x22 ? '"' : "'", pos + 1);
      if (end < 0) throw BAIL;
      const length = end - pos - 1;
      this.attributeTotal += length;
      if (length > limits.maxAttributeLength || this.attributeTotal > limits.maxAttributeTotal) throw BAIL;
      if (this.nextLt <= pos) {
        this.nextLt = s.indexOf('<', pos + 1);
        if (this.nextLt < 0) this.nextLt = s.length;
      }
      if (this.nextLt < end) throw BAIL;
      // Every value's references are checked as the guard checks them, whether or not moddle reads the value.
      if (this.nextAmp <= pos) {
        this.nextAmp = s.indexOf('&', pos + 1);
        if (this.nextAmp < 0) this.nextAmp = s.length;
      }
      const references = this.nextAmp < end;
      if (references) decode(s, pos + 1, end);
      if (attr.prefixed) prefixed = true;
      if (attr.declaration) declares = true;
      if (attr.booleanAttribute && !spells(s, pos + 1, end, 'true') && !spells(s, pos + 1, end, 'false')) oddBoolean = true;
      attrNames[count] = attr;
      starts[count] = pos + 1;
      ends[count] = end;
      this.attrReferences[count] = references;
      count++;
      pos = end + 1;
      c = s.charCodeAt(pos);
    }
    this.pos = pos;
    this.attrCount = count;
    if (this.depth + 1 > limits.maxDepth || ++this.elements > limits.maxElements) throw BAIL;
    const scopeMark = this.undo.length;
    if (declares) this.declareNamespaces();
    this.checkAttributeNames(prefixed);
    this.openElement(name, scopeMark, oddBoolean);
    if (selfClosing) this.closeElement();
  }

  /** The current tag's attribute value i, decoded. */
  private attrValue(i: number): string {
    const start = this.attrStarts[i]!;
    const end = this.attrEnds[i]!;
    return this.attrReferences[i] ? decode(this.s, start, end) : this.s.slice(start, end);
  }

  private declareNamespaces(): void {
    const names = this.attrNames;
    const seen: string[] = [];
    for (let i = 0; i < this.attrCount; i++) {
      const name = names[i]!;
      if (!name.declaration) continue;
      const prefix = name.prefixed ? name.local : '';
      const raw = this.s.slice(this.attrStarts[i], this.attrEnds[i]);
      // The guard compares whitespace-normalised URIs, saxen raw ones: only a URI without such whitespace is sure.
      if (/[\t\n\r]/.test(raw)) throw BAIL;
      const uri = this.attrValue(i);
      if (prefix === 'xml' && uri === XML_NS) continue;
      if (prefix === 'xml' || prefix === 'xmlns' || uri === XML_NS || uri === XMLNS_NS || uri === '') throw BAIL;
      if (seen.includes(prefix)) throw BAIL;
      seen.push(prefix);
      this.undo.push([prefix, this.scope.get(prefix)]);
      this.scope.set(prefix, uri);
      this.scopeVersion = nextScopeVersion();
    }
  }

  /** The namespace a prefixed attribute name is bound to here, and the name moddle gives it. */
  private resolveAttribute(name: Name): void {
    if (name.attributeScope === this.scopeVersion) return;
    name.attributeScope = this.scopeVersion;
    name.attributeUri = this.scope.get(name.prefix);
    const pkg = name.attributeUri === undefined ? undefined : PACKAGE_BY_URI.get(name.attributeUri);
    name.attributeKey = pkg ? `${pkg.prefix}:${name.local}` : null;
  }

  /** Qualified-name syntax, declared prefixes and no attribute twice (by namespace and local name), as the guard checks. */
  private checkAttributeNames(prefixed: boolean): void {
    const names = this.attrNames;
    const count = this.attrCount;
    // One record per name, so the same record means the same name.
    for (let i = 1; i < count; i++) {
      const name = names[i]!;
      for (let j = 0; j < i; j++) if (names[j] === name) throw BAIL;
    }
    if (!prefixed) return;
    // Different prefixes can name one namespace: compare prefixed attributes by URI and local name.
    for (let i = 0; i < count; i++) {
      const name = names[i]!;
      if (!name.prefixed || name.declaration) continue;
      if (name.malformed) throw BAIL;
      this.resolveAttribute(name);
      if (name.attributeUri === undefined) throw BAIL;
      for (let j = 0; j < i; j++) {
        const other = names[j]!;
        if (other.prefixed && !other.declaration && other.attributeUri === name.attributeUri && other.local === name.local) throw BAIL;
      }
    }
  }

  /** The namespace an element name is bound to here, and the name moddle-xml looks its rule up by. */
  private resolveElement(name: Name): void {
    if (name.elementScope === this.scopeVersion) return;
    if (name.malformed) throw BAIL;
    const uri = name.prefixed ? this.scope.get(name.prefix) : (this.scope.get('') ?? '');
    if (uri === undefined) throw BAIL;
    const pkg = PACKAGE_BY_URI.get(uri) ?? null;
    // The rule's key is the name as moddle normalises it; most documents already use the package prefixes.
    const key = pkg ? (name.prefix === pkg.prefix ? name.text : `${pkg.prefix}:${name.local}`) : uri === '' ? name.local : '\u0000';
    if (key !== name.elementKey) name.rules = [];
    name.elementScope = this.scopeVersion;
    name.elementUri = uri;
    name.elementPackage = pkg;
    name.elementKey = key;
  }

  /** The frame for the element at the current depth, reused from an earlier element at that depth. */
  private push(name: Name, scopeMark: number): Open {
    let frame = this.frames[this.depth];
    if (frame) {
      frame.name = name;
      frame.frame = Frame.Skip;
      frame.target = null;
      frame.info = null;
      frame.property = null;
      frame.body = undefined;
      frame.scopeMark = scopeMark;
    } else {
      frame = { name, frame: Frame.Skip, target: null, info: null, property: null, body: undefined, scopeMark };
      this.frames[this.depth] = frame;
    }
    this.depth++;
    return frame;
  }

  private openElement(name: Name, scopeMark: number, oddBoolean: boolean): void {
    this.resolveElement(name);
    const uri = name.elementUri!;
    if (oddBoolean) this.noteBooleans(uri);
    const parent = this.depth > 0 ? this.frames[this.depth - 1]! : null;
    const frame = this.push(name, scopeMark);
    if (!parent) {
      if (uri !== BPMN_MODEL_NS || name.local !== 'definitions') throw BAIL;
      const info = typeInfo('bpmn:Definitions')!;
      const element = this.createElement(info);
      this.root = element;
      // moddle keeps a root whose id it refuses, but reads nothing inside it.
      if (this.register(element, info)) {
        frame.frame = Frame.Element;
        frame.target = element;
        frame.info = info;
      }
      return;
    }
    if (parent.frame === Frame.Skip) return;
    if (parent.frame === Frame.Value) throw BAIL; // moddle-xml fails on markup inside a simple value
    if (parent.frame === Frame.Reference) return; // "expected no sub nodes": skipped with a warning
    const parentInfo = parent.info!;
    let found = name.rules[parentInfo.index];
    if (found === undefined) found = name.rules[parentInfo.index] = childRule(parentInfo, name.elementKey, name.elementPackage, name.local);
    const rule = found.kind === 'typed' ? this.typedRule(found.property) : found;
    if (rule.kind === 'skip') return;
    const owner = parent.target!;
    const property = rule.property;
    frame.property = property;
    if (rule.kind === 'value') {
      frame.frame = Frame.Value;
      frame.target = owner;
      return;
    }
    if (rule.kind === 'reference') {
      const reference: Reference = { element: owner, property, id: '' };
      this.attach(owner, property, reference);
      this.references.push(reference);
      frame.frame = Frame.Reference;
      frame.target = reference;
      return;
    }
    const element = this.createElement(rule.type);
    if (!this.register(element, rule.type)) return;
    this.attach(owner, property, element);
    element.$parent = owner;
    frame.frame = Frame.Element;
    frame.target = element;
    frame.info = rule.type;
  }

  /** A property serialised with xsi:type: the attribute names the element's type (default: the property's). */
  private typedRule(property: Property): PlainRule {
    const names = this.attrNames;
    for (let i = 0; i < this.attrCount; i++) {
      const name = names[i]!;
      if (!name.prefixed || name.local !== 'type' || this.scope.get(name.prefix) !== XSI_URI) continue;
      const value = this.attrValue(i);
      const typeColon = value.indexOf(':');
      const uri = this.scope.get(typeColon < 0 ? '' : value.slice(0, typeColon));
      const pkg = uri === undefined ? undefined : PACKAGE_BY_URI.get(uri);
      if (!pkg) return { kind: 'skip' };
      let local = typeColon < 0 ? value : value.slice(typeColon + 1);
      if (pkg.typePrefix && local.startsWith(pkg.typePrefix)) local = local.slice(pkg.typePrefix.length);
      const type = typeInfo(`${pkg.prefix}:${local}`);
      return type ? ruleFor(property, type.name) : { kind: 'skip' };
    }
    return ruleFor(property, property.type);
  }

  private attach(owner: Target, property: Property, value: unknown): void {
    if (!property.isMany) {
      owner[property.name] = value;
      return;
    }
    const list = owner[property.name];
    if (list === undefined) owner[property.name] = [value];
    else if (Array.isArray(list)) list.push(value);
    else throw BAIL; // an attribute set this containment to a string; moddle-xml then fails on the child
  }

  /** A new element with the current tag's attributes, set the way moddle-xml's createElement sets them. */
  private createElement(info: TypeInfo): ReaderElement {
    const element: ReaderElement = Object.create(info.proto);
    const names = this.attrNames;
    for (let i = 0; i < this.attrCount; i++) {
      const attr = names[i]!;
      if (attr.declaration) continue;
      let key = attr.text;
      let property: Property | null | undefined;
      if (attr.prefixed) {
        this.resolveAttribute(attr);
        if (attr.attributeKey === null) continue; // extension attributes: renderSvg reads none
        key = attr.attributeKey;
        property = info.byName.get(key);
      } else {
        property = attr.properties[info.index];
        if (property === undefined) property = attr.properties[info.index] = info.byName.get(key) ?? null;
      }
      const value = this.attrValue(i);
      if (!property) {
        (element.$attrs ??= {})[key] = value;
      } else if (!property.isReference) {
        element[property.name] = coerce(property.coerce, value);
      } else if (property.isMany) {
        for (const id of value.split(' ')) this.references.push({ element, property, id });
      } else {
        this.references.push({ element, property, id: value });
      }
    }
    return element;
  }

  /**
   * parse.ts reads an xsd:boolean spelled `1`, `0` or with spaces (moddle reads only "true") on any element of
   * a moddle namespace that has an id, whether or not moddle keeps that element.
   */
  private noteBooleans(uri: string): void {
    if (!PACKAGE_BY_URI.has(uri)) return;
    const names = this.attrNames;
    let id: string | undefined;
    let found: { name: string; lexical: string }[] | undefined;
    for (let i = 0; i < this.attrCount; i++) {
      const name = names[i]!;
      if (name.text === 'id') id = this.attrValue(i);
      else if (name.booleanAttribute) {
        const lexical = this.attrValue(i);
        if (lexical !== 'true' && lexical !== 'false' && BOOLEAN_SPELLING.test(lexical)) (found ??= []).push({ name: name.text, lexical });
      }
    }
    if (id !== undefined && found) for (const f of found) this.booleans.push({ id, ...f });
  }

  /** moddle-xml's addElement: a valid, new id is registered; an illegal or repeated one drops the element. */
  private register(element: ReaderElement, info: TypeInfo): boolean {
    if (!info.idProperty) return true;
    const id = element[info.idProperty.name];
    if (!id) return true;
    if (typeof id !== 'string' || !LEGAL_ID.test(id) || this.byId.has(id)) return false;
    this.byId.set(id, element);
    return true;
  }

  private endTag(): void {
    const s = this.s;
    const top = this.depth > 0 ? this.frames[this.depth - 1]! : null;
    const start = this.pos + 2;
    const expected = top ? top.name.text : '';
    let pos = start + expected.length;
    let c = s.charCodeAt(pos);
    // The open element's name, ending there (a further name character, ASCII or not, makes it another name).
    if (!top || isNameChar(c) || c >= 0x80 || s.slice(start, pos) !== expected) throw BAIL;
    while (isSpace(c)) c = s.charCodeAt(++pos);
    if (c !== 0x3e) throw BAIL;
    this.pos = pos + 1;
    this.closeElement();
  }

  private closeElement(): void {
    const top = this.frames[--this.depth]!;
    if (this.undo.length > top.scopeMark) {
      while (this.undo.length > top.scopeMark) {
        const [prefix, previous] = this.undo.pop()!;
        if (previous === undefined) this.scope.delete(prefix);
        else this.scope.set(prefix, previous);
      }
      this.scopeVersion = nextScopeVersion();
    }
    if (this.depth === 0) this.rootClosed = true;
    switch (top.frame) {
      case Frame.Value: {
        const value = coerce(top.property!.coerce, top.body ?? '');
        if (top.property!.isMany) this.attach(top.target!, top.property!, value);
        else top.target![top.property!.name] = value;
        break;
      }
      case Frame.Reference:
        top.target!.id = top.body;
        break;
      case Frame.Element: {
        const body = top.info!.bodyProperty;
        if (body && top.body !== undefined) top.target![body.name] = coerce(body.coerce, top.body);
        break;
      }
    }
  }

  private characterData(): void {
    const s = this.s;
    const start = this.pos;
    let end = s.indexOf('<', start);
    if (end < 0) end = s.length;
    this.pos = end;
    let i = start;
    while (i < end && isSpace(s.charCodeAt(i))) i++;
    if (i === end) return; // whitespace between tags: nothing to check or keep
    if (this.depth === 0) throw BAIL;
    if (s.slice(start, end).includes(']]>')) throw BAIL;
    const decoded = decode(s, start, end);
    // moddle-xml drops whitespace-only text (after decoding, by String#trim).
    if (decoded.trim() !== '') this.text(decoded);
  }

  /** Text for the innermost element: body text of a value, reference or element with a body property. */
  private text(value: string): void {
    const top = this.frames[this.depth - 1]!;
    if (top.frame === Frame.Skip) return;
    if (top.frame === Frame.Element && !top.info!.bodyProperty) return; // "unexpected body text": a warning
    top.body = (top.body ?? '') + value;
  }

  /** moddle-xml's resolveReferences, in the same order. */
  private resolveReferences(): void {
    for (const r of this.references) {
      const target = r.id === undefined ? undefined : this.byId.get(r.id);
      const { element, property } = r;
      if (property.isMany) {
        let list: unknown[];
        const found = element[property.name];
        if (found === undefined) list = element[property.name] = [];
        else if (Array.isArray(found)) list = found;
        else throw BAIL;
        let index = list.indexOf(r);
        if (index === -1) index = list.length;
        if (!target) list.splice(index, 1);
        else list[index] = target;
      } else if (target) {
        element[property.name] = target;
      } else {
        delete element[property.name];
      }
    }
  }

  /** parse.ts's readBooleans: `1`/`0`/spaced spellings on elements with an id, as the xsd:boolean they are. */
  private readBooleans(): void {
    for (const { id, name, lexical } of this.booleans) {
      const element = this.byId.get(id);
      const property = element?.$descriptor?.propertiesByName?.[name];
      if (property?.type !== 'Boolean' || !property.isAttr) continue;
      const value = lexical.trim();
      element![property.name] = value === 'true' || value === '1';
    }
  }
}
