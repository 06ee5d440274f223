// A linear, single-pass XML scanner that checks a document is well formed, namespace-correct and within
// bounds before any full parser sees it. It refuses DTDs, entity declarations and processing instructions,
// so nothing can expand, be fetched or grow beyond the input. Also the tokenizer behind xml-compare.ts.

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

export interface XmlGuardLimits {
  maxDepth: number;
  maxElements: number;
  /** Longest single attribute value, in characters. */
  maxAttributeLength: number;
  /** All attribute values of the document together, in characters. */
  maxAttributeTotal: number;
  maxAttributesPerElement: number;
}

export interface XmlName {
  uri: string;
  local: string;
  prefix: string;
}

export interface XmlAttribute extends XmlName {
  value: string;
}

export interface XmlStartTag {
  name: XmlName;
  /** Attributes other than namespace declarations, in document order, values decoded. */
  attributes: XmlAttribute[];
  /** Namespace declarations made on this element: prefix ('' for the default) → URI. */
  namespaces: ReadonlyMap<string, string>;
  /** Offset of the `<` in the input, for line numbers. */
  offset: number;
}

export interface XmlVisitor {
  open?(tag: XmlStartTag): void;
  /** `end` is the offset just after the end tag (or `/>`). */
  close?(end: number): void;
  /** Decoded character data (text and CDATA) between tags inside the root. */
  text?(text: string): void;
}

export interface XmlScanResult {
  root: XmlName;
  elements: number;
  depth: number;
}

/** A document that is not well formed or breaks a bound; `line` is 1-based, `elementId` the nearest enclosing id. */
export class XmlGuardError extends Error {
  override name = 'XmlGuardError';
  constructor(
    message: string,
    readonly line: number | null,
    readonly elementId: string | null,
  ) {
    super(message);
  }
}

/** Anything outside XML 1.0's Char production, lone surrogates included (the `u` flag sees code points). */
const INVALID_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

const PREDEFINED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Line number (1-based) of an offset; counted only when reporting, so the scan itself stays one pass. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

const NO_NAMESPACES: ReadonlyMap<string, string> = new Map();
const NOTHING_DECLARED: string[] = [];

function isNamespaceDeclaration(qname: string): boolean {
  return qname.startsWith('xmlns') && (qname.length === 5 || qname.charCodeAt(5) === 0x3a);
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function isNameStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a || c >= 0x80;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e;
}

function isXmlChar(code: number): boolean {
  if (code < 0x20) return code === 0x09 || code === 0x0a || code === 0x0d;
  if (code >= 0xd800 && code <= 0xdfff) return false;
  return code !== 0xfffe && code !== 0xffff && code <= 0x10ffff;
}

/** Scans `text` once; throws XmlGuardError at the first problem, otherwise reports the root and counts. */
export function scanXml(text: string, limits: XmlGuardLimits, visitor: XmlVisitor = {}): XmlScanResult {
  return new Scanner(text, limits, visitor).run();
}

class Scanner {
  private pos = 0;
  private elements = 0;
  private maxDepthSeen = 0;
  private attributeTotal = 0;
  private root: XmlName | null = null;
  private rootClosed = false;
  /** Open elements: raw qualified name, id attribute, offset, prefixes it declared. */
  private readonly open: { qname: string; id: string | null; offset: number; declared: string[] }[] = [];
  /** prefix → stack of URIs; the last one is in scope. */
  private readonly scopes = new Map<string, string[]>([
    ['xml', [XML_NS]],
    ['xmlns', [XMLNS_NS]],
  ]);

  constructor(
    private readonly text: string,
    private readonly limits: XmlGuardLimits,
    private readonly visitor: XmlVisitor,
  ) {}

  run(): XmlScanResult {
    const s = this.text;
    this.checkCharacters();
    if (s.charCodeAt(0) === 0xfeff) this.pos = 1;
    if (s.trim() === '') throw new XmlGuardError('The document is empty.', null, null);
    while (this.pos < s.length) {
      if (s.charCodeAt(this.pos) === 0x3c) this.markup();
      else this.characterData();
    }
    if (this.open.length > 0) {
      const top = this.open[this.open.length - 1]!;
      throw this.fail(
        `The document ends before <${top.qname}> (opened on line ${lineAt(s, top.offset)}) is closed: truncated XML.`,
        s.length,
      );
    }
    if (!this.root) throw this.fail('The document has no root element: it is not XML.', s.length);
    return { root: this.root, elements: this.elements, depth: this.maxDepthSeen };
  }

  private fail(message: string, offset: number): XmlGuardError {
    let id: string | null = null;
    for (let i = this.open.length - 1; i >= 0 && id === null; i--) id = this.open[i]!.id;
    return new XmlGuardError(message, lineAt(this.text, offset), id);
  }

  private checkCharacters(): void {
    // One character class, no quantifier: the regex engine cannot backtrack, and it runs natively.
    const bad = INVALID_CHARACTER.exec(this.text);
    if (!bad) return;
    const code = bad[0].codePointAt(0)!;
    throw new XmlGuardError(
      `Character U+${code.toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML.`,
      lineAt(this.text, bad.index),
      null,
    );
  }

  private markup(): void {
    const s = this.text;
    const start = this.pos;
    const next = s.charCodeAt(start + 1);
    if (next === 0x3f /* ? */) return this.processingInstruction();
    if (next === 0x21 /* ! */) {
      if (s.startsWith('<!--', start)) {
        const end = s.indexOf('-->', start + 4);
        if (end < 0) throw this.fail('A comment is never closed: truncated XML.', start);
        this.pos = end + 3;
        return;
      }
      if (s.startsWith('<![CDATA[', start)) {
        if (this.open.length === 0) throw this.fail('CDATA section outside the root element.', start);
        const end = s.indexOf(']]>', start + 9);
        if (end < 0) throw this.fail('A CDATA section is never closed: truncated XML.', start);
        this.visitor.text?.(s.slice(start + 9, end).replace(/\r\n?/g, '\n'));
        this.pos = end + 3;
        return;
      }
      if (s.startsWith('<!DOCTYPE', start)) {
        throw this.fail('DOCTYPE declarations are not allowed: DTDs and entities are refused.', start);
      }
      const word = /^<!([A-Z]*)/.exec(s.slice(start, start + 12))?.[1] ?? '';
      throw this.fail(`Markup declaration <!${word} is not allowed: DTDs and entities are refused.`, start);
    }
    if (next === 0x2f /* / */) return this.endTag();
    this.startTag();
  }

  private processingInstruction(): void {
    const s = this.text;
    const start = this.pos;
    const end = s.indexOf('?>', start + 2);
    if (end < 0) throw this.fail('A processing instruction is never closed: truncated XML.', start);
    let nameEnd = start + 2;
    while (nameEnd < end && isNameChar(s.charCodeAt(nameEnd))) nameEnd++;
    const target = s.slice(start + 2, nameEnd);
    if (target.toLowerCase() === 'xml') {
      const first = s.charCodeAt(0) === 0xfeff ? 1 : 0;
      if (target !== 'xml' || start !== first) {
        throw this.fail('The XML declaration must come first in the document.', start);
      }
    } else {
      throw this.fail(`Processing instruction <?${target.slice(0, 40)}?> is not allowed.`, start);
    }
    this.pos = end + 2;
  }

  private readName(what: string): string {
    const s = this.text;
    const start = this.pos;
    if (start >= s.length) throw this.fail(`The document ends inside a tag: truncated XML.`, start);
    if (!isNameStart(s.charCodeAt(start))) {
      throw this.fail(`Expected ${what} name at "${s.slice(start, start + 20).replace(/\s+/g, ' ')}": not well-formed XML.`, start);
    }
    let i = start + 1;
    while (i < s.length && isNameChar(s.charCodeAt(i))) i++;
    this.pos = i;
    return s.slice(start, i);
  }

  private skipSpace(): void {
    const s = this.text;
    while (this.pos < s.length && isSpace(s.charCodeAt(this.pos))) this.pos++;
  }

  private startTag(): void {
    const s = this.text;
    const start = this.pos;
    if (this.rootClosed) throw this.fail('A second root element follows the first: not well-formed XML.', start);
    this.pos++;
    const qname = this.readName('an element');
    const raw: { qname: string; value: string; offset: number }[] = [];
    let selfClosing = false;
    for (;;) {
      const hadSpace = this.pos < s.length && isSpace(s.charCodeAt(this.pos));
      this.skipSpace();
      if (this.pos >= s.length) throw this.fail(`The start tag <${qname}> is never closed: truncated XML.`, start);
      const c = s.charCodeAt(this.pos);
      if (c === 0x3e /* > */) {
        this.pos++;
        break;
      }
      if (c === 0x2f /* / */ && s.charCodeAt(this.pos + 1) === 0x3e) {
        this.pos += 2;
        selfClosing = true;
        break;
      }
      if (!hadSpace) throw this.fail(`Expected whitespace between attributes of <${qname}>: not well-formed XML.`, this.pos);
      if (raw.length >= this.limits.maxAttributesPerElement) {
        throw this.fail(`<${qname}> has more than ${this.limits.maxAttributesPerElement} attributes.`, start);
      }
      raw.push(this.attribute(qname));
    }
    this.openElement(qname, raw, start);
    if (selfClosing) this.closeElement();
  }

  private attribute(element: string): { qname: string; value: string; offset: number } {
    const s = this.text;
    const offset = this.pos;
    const qname = this.readName('an attribute');
    this.skipSpace();
    if (s.charCodeAt(this.pos) !== 0x3d /* = */) {
      throw this.fail(`Attribute ${qname} of <${element}> has no value: not well-formed XML.`, offset);
    }
    this.pos++;
    this.skipSpace();
    const quote = s.charCodeAt(this.pos);
    if (quote !== 0x22 && quote !== 0x27) {
      throw this.fail(`Attribute ${qname} of <${element}> is not quoted: not well-formed XML.`, offset);
    }
    const end = s.indexOf(quote === 0x22 ? '"' : "'", this.pos + 1);
    if (end < 0) throw this.fail(`Attribute ${qname} of <${element}> is never closed: truncated XML.`, offset);
    const length = end - this.pos - 1;
    if (length > this.limits.maxAttributeLength) {
      throw this.fail(
        `Attribute ${qname} of <${element}> is ${length} characters long; the limit is ${this.limits.maxAttributeLength}.`,
        offset,
      );
    }
    this.attributeTotal += length;
    if (this.attributeTotal > this.limits.maxAttributeTotal) {
      throw this.fail(`Attribute values exceed ${this.limits.maxAttributeTotal} characters in total.`, offset);
    }
    const rawValue = s.slice(this.pos + 1, end);
    if (rawValue.includes('<')) throw this.fail(`Attribute ${qname} of <${element}> contains '<': not well-formed XML.`, offset);
    this.pos = end + 1;
    // Line-end then attribute-value normalisation (XML 1.0 §2.11, §3.3.3): literal whitespace becomes a
    // space, while character references such as &#10; keep their character.
    return { qname, value: this.decode(rawValue.replace(/\r\n|[\t\n\r]/g, ' '), offset), offset };
  }

  private openElement(qname: string, raw: { qname: string; value: string; offset: number }[], offset: number): void {
    const depth = this.open.length + 1;
    if (depth > this.limits.maxDepth) {
      throw this.fail(`Elements are nested deeper than ${this.limits.maxDepth} levels.`, offset);
    }
    if (++this.elements > this.limits.maxElements) {
      throw this.fail(`The document has more than ${this.limits.maxElements} elements.`, offset);
    }
    this.maxDepthSeen = Math.max(this.maxDepthSeen, depth);
    // Most elements declare nothing and have a few attributes: allocate maps and sets only when they do.
    let namespaces: Map<string, string> | null = null;
    let declared: string[] = NOTHING_DECLARED;
    let id: string | null = null;
    for (const a of raw) {
      if (a.qname === 'id') id ??= a.value;
      if (!isNamespaceDeclaration(a.qname)) continue;
      const prefix = a.qname === 'xmlns' ? '' : a.qname.slice(6);
      if (prefix === 'xml' && a.value === XML_NS) continue; // allowed, and changes nothing
      if (prefix === 'xml' || prefix === 'xmlns' || a.value === XML_NS || a.value === XMLNS_NS || (prefix !== '' && a.value === '')) {
        throw this.fail(`Namespace declaration ${a.qname}="${a.value.slice(0, 60)}" on <${qname}> is not allowed.`, a.offset);
      }
      namespaces ??= new Map();
      if (namespaces.has(prefix)) throw this.fail(`<${qname}> declares ${a.qname} twice.`, a.offset);
      namespaces.set(prefix, a.value);
      if (declared === NOTHING_DECLARED) declared = [];
      declared.push(prefix);
      const stack = this.scopes.get(prefix);
      if (stack) stack.push(a.value);
      else this.scopes.set(prefix, [a.value]);
    }
    this.open.push({ qname, id, offset, declared });
    const name = this.resolve(qname, true, offset);
    const attributes: XmlAttribute[] = [];
    // Duplicates by namespace and local name: pairwise for the usual few attributes, by set beyond.
    let seen: Set<string> | null = null;
    for (const a of raw) {
      if (isNamespaceDeclaration(a.qname)) continue;
      const resolved = this.resolve(a.qname, false, a.offset) as XmlAttribute;
      resolved.value = a.value;
      let twice = false;
      if (attributes.length < 16) {
        for (const other of attributes) if (other.local === resolved.local && other.uri === resolved.uri) twice = true;
      } else {
        seen ??= new Set(attributes.map((o) => `${o.uri}\u0000${o.local}`));
        const key = `${resolved.uri}\u0000${resolved.local}`;
        twice = seen.has(key);
        seen.add(key);
      }
      if (twice) throw this.fail(`<${qname}> has attribute ${a.qname} twice.`, a.offset);
      attributes.push(resolved);
    }
    if (!this.root) this.root = name;
    this.visitor.open?.({ name, attributes, namespaces: namespaces ?? NO_NAMESPACES, offset });
  }

  private resolve(qname: string, isElement: boolean, offset: number): XmlName {
    const colon = qname.indexOf(':');
    if (colon === 0 || colon === qname.length - 1 || (colon > 0 && qname.indexOf(':', colon + 1) >= 0)) {
      throw this.fail(`"${qname}" is not a valid qualified name.`, offset);
    }
    const prefix = colon > 0 ? qname.slice(0, colon) : '';
    const local = colon > 0 ? qname.slice(colon + 1) : qname;
    // Unprefixed attributes are in no namespace; unprefixed elements take the default namespace.
    if (prefix === '' && !isElement) return { uri: '', local, prefix };
    const stack = this.scopes.get(prefix);
    const uri = stack && stack.length > 0 ? stack[stack.length - 1]! : prefix === '' ? '' : null;
    if (uri === null) throw this.fail(`Namespace prefix "${prefix}" of <${qname}> is not declared.`, offset);
    return { uri, local, prefix };
  }

  private endTag(): void {
    const s = this.text;
    const start = this.pos;
    this.pos += 2;
    const qname = this.readName('a closing element');
    this.skipSpace();
    if (s.charCodeAt(this.pos) !== 0x3e) {
      throw this.fail(
        this.pos >= s.length ? `The end tag </${qname}> is never closed: truncated XML.` : `Malformed end tag </${qname}>.`,
        start,
      );
    }
    this.pos++;
    const top = this.open[this.open.length - 1];
    if (!top) throw this.fail(`End tag </${qname}> has no matching start tag.`, start);
    if (top.qname !== qname) {
      throw this.fail(`End tag </${qname}> does not match <${top.qname}> (line ${lineAt(s, top.offset)}).`, start);
    }
    this.closeElement();
  }

  private closeElement(): void {
    const top = this.open.pop()!;
    for (const prefix of top.declared) this.scopes.get(prefix)!.pop();
    if (this.open.length === 0) this.rootClosed = true;
    this.visitor.close?.(this.pos);
  }

  private characterData(): void {
    const s = this.text;
    const start = this.pos;
    let end = s.indexOf('<', start);
    if (end < 0) end = s.length;
    this.pos = end;
    const raw = s.slice(start, end);
    if (this.open.length === 0) {
      if (raw.trim() !== '') {
        throw this.fail(
          this.root ? 'Text after the root element: not well-formed XML.' : 'Text before the root element: this is not XML.',
          start,
        );
      }
      return;
    }
    if (raw.includes(']]>')) throw this.fail("']]>' is not allowed in text: not well-formed XML.", start);
    const decoded = this.decode(raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw, start);
    this.visitor.text?.(decoded);
  }

  /** Replaces the five predefined entities and character references; anything else needs a DTD, which we refuse. */
  private decode(raw: string, offset: number): string {
    let amp = raw.indexOf('&');
    if (amp < 0) return raw;
    let out = '';
    let from = 0;
    while (amp >= 0) {
      const semi = raw.indexOf(';', amp + 1);
      const ref = semi > amp && semi - amp <= 12 ? raw.slice(amp + 1, semi) : null;
      let value: string | undefined;
      if (ref !== null && ref.startsWith('#')) {
        const code = /^#x[0-9a-fA-F]{1,6}$/.test(ref)
          ? parseInt(ref.slice(2), 16)
          : /^#[0-9]{1,7}$/.test(ref)
            ? parseInt(ref.slice(1), 10)
            : NaN;
        if (Number.isFinite(code) && isXmlChar(code)) value = String.fromCodePoint(code);
      } else if (ref !== null) {
        value = PREDEFINED_ENTITIES[ref];
      }
      if (value === undefined) {
        const shown = ref === null ? "a bare '&'" : `the entity reference &${ref};`;
        throw this.fail(`${shown[0]!.toUpperCase()}${shown.slice(1)} is not allowed: only &amp; &lt; &gt; &quot; &apos; and character references are.`, offset);
      }
      out += raw.slice(from, amp) + value;
      from = semi + 1;
      amp = raw.indexOf('&', from);
    }
    return out + raw.slice(from);
  }
}
