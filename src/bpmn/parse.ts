// Safe BPMN 2.0 import: decodes strictly, scans the XML once (no DTDs, entities or processing instructions;
// bounded size, depth, element count and attributes), checks the root, and only then lets bpmn-moddle parse.
import { BpmnModdle, type ParseWarning } from 'bpmn-moddle';
import type { MutableElement, PropertyDescriptor } from './model.ts';
import { scanXml, XML_NS, XmlGuardError, type XmlGuardLimits } from './xml-guard.ts';

export const BPMN_MODEL_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
export const BPMN_DI_NS = 'http://www.omg.org/spec/BPMN/20100524/DI';
export const DD_DI_NS = 'http://www.omg.org/spec/DD/20100524/DI';
export const DD_DC_NS = 'http://www.omg.org/spec/DD/20100524/DC';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

export interface ParseLimits {
  maxBytes: number;
  maxDepth: number;
  maxElements: number;
  /** Longest single attribute value in characters (default 256 KiB; the MIWG files stay under 1.4 KiB). */
  maxAttributeLength?: number;
  /** All attribute values together in characters (default: maxBytes, at most 16 MiB). */
  maxAttributeTotal?: number;
  /** Attributes on one element (default 512). */
  maxAttributesPerElement?: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxBytes: 5 * 1024 * 1024, maxDepth: 100, maxElements: 50_000 };

export interface BpmnWarning {
  message: string;
  elementId: string | null;
  /**
   * What kind of finding: from the parser `unresolved_reference`, `unknown_attribute`, `illegal_id`,
   * `duplicate_id`, `ignored_content` (unknown elements, stray text) or `moddle`; validate.ts adds its own.
   */
  code?: string;
}

/** An `id` that occurs more than once among BPMN model and DI elements of the raw XML. */
export interface DuplicateId {
  id: string;
  lines: number[];
}

/** A reference bpmn-moddle could not resolve (and therefore dropped from the model). */
export interface UnresolvedReference {
  elementId: string | null;
  /** The property, as moddle names it: `bpmn:sourceRef`, `bpmndi:bpmnElement`, … */
  property: string;
  ref: string;
}

export interface ParsedBpmn {
  /** bpmn-moddle's `bpmn:Definitions` root. */
  definitions: any;
  /** The moddle instance that made it (needed to create elements and to export). */
  moddle: any;
  warnings: BpmnWarning[];
  /** Ids found twice in the raw XML: moddle keeps only the first element, so these are errors for validate.ts. */
  duplicateIds: DuplicateId[];
  unresolvedReferences: UnresolvedReference[];
}

export class BpmnParseError extends Error {
  override name = 'BpmnParseError';
  constructor(
    message: string,
    readonly elementId: string | null = null,
    readonly line: number | null = null,
    /** Semantic errors when validation refused the document (validate.ts `importBpmn`), each with its element id. */
    readonly issues: readonly (BpmnWarning & { code: string })[] = [],
  ) {
    super(message);
  }
}

const ID_NAMESPACES = new Set([BPMN_MODEL_NS, BPMN_DI_NS, DD_DI_NS, DD_DC_NS]);

/**
 * Parses BPMN 2.0 XML (a string, or bytes in UTF-8/UTF-16 with BOM/ISO-8859-1) into bpmn-moddle's model.
 * Throws BpmnParseError for anything unsafe, malformed or not BPMN; moddle's own complaints become warnings.
 */
export async function parseBpmn(xml: string | Uint8Array, limits: ParseLimits = DEFAULT_PARSE_LIMITS): Promise<ParsedBpmn> {
  const size = typeof xml === 'string' ? Buffer.byteLength(xml, 'utf8') : xml.byteLength;
  if (size > limits.maxBytes) {
    throw new BpmnParseError(`The document is ${size} bytes; the limit is ${limits.maxBytes} bytes.`);
  }
  const text = typeof xml === 'string' ? xml : decodeXml(xml);

  const ids = new Map<string, number[]>();
  const outline = new ElementOutline(text);
  const declared = new Map<string, string>();
  const booleans: { id: string; name: string; lexical: string }[] = [];
  const invalid: { offset: number; name: string; value: string; type: string; id: string | null }[] = [];
  let scan;
  try {
    scan = scanXml(text, guardLimits(limits), {
      open(tag) {
        for (const [prefix, uri] of tag.namespaces) if (!declared.has(uri) || declared.get(uri) === '') declared.set(uri, prefix);
        const id = tag.attributes.find((a) => a.uri === '' && a.local === 'id')?.value;
        outline.open(tag.offset, id ?? null);
        if (MODEL_NAMESPACES.has(tag.name.uri)) {
          for (const a of tag.attributes) {
            const type = a.uri === '' ? TYPED_ATTRIBUTES.get(a.local) : undefined;
            if (type === undefined) continue;
            if (type === 'Boolean' ? !BOOLEAN_SPELLING.test(a.value) : !NUMBER_SPELLING.test(a.value)) {
              invalid.push({ offset: tag.offset, name: a.local, value: a.value, type, id: id ?? null });
            } else if (type === 'Boolean' && id !== undefined && a.value !== 'true' && a.value !== 'false') {
              booleans.push({ id, name: a.local, lexical: a.value });
            }
          }
        }
        if (id === undefined || !ID_NAMESPACES.has(tag.name.uri)) return;
        const offsets = ids.get(id);
        if (offsets) offsets.push(tag.offset);
        else ids.set(id, [tag.offset]);
      },
      text(text) {
        if (/\S/.test(text)) outline.markText();
      },
      close(end) {
        outline.close(end);
      },
    });
  } catch (err) {
    if (err instanceof XmlGuardError) {
      const where = err.line === null ? '' : ` (line ${err.line}${err.elementId ? `, inside element ${err.elementId}` : ''})`;
      throw new BpmnParseError(`${err.message.replace(/\.$/, '')}${where}.`, err.elementId, err.line);
    }
    throw err;
  }
  if (scan.root.uri !== BPMN_MODEL_NS || scan.root.local !== 'definitions') {
    throw new BpmnParseError(
      `The root element is <${scan.root.prefix ? `${scan.root.prefix}:` : ''}${scan.root.local}>` +
        `${scan.root.uri ? ` in namespace ${scan.root.uri}` : ' in no namespace'}; ` +
        `a BPMN 2.0 document has <definitions> in ${BPMN_MODEL_NS}.`,
      null,
      1,
    );
  }

  const moddle = sharedModdle(prefixPerNamespace(declared));
  let result;
  try {
    result = await moddle.fromXML(text, 'bpmn:Definitions');
  } catch (err) {
    throw new BpmnParseError(`bpmn-moddle could not read the document: ${firstLine((err as Error).message)}`);
  }
  keepDroppedReferences(moddle, result.rootElement, result.warnings);
  readBooleans(result.rootElement, result.elementsById, booleans);
  return {
    definitions: result.rootElement,
    moddle,
    warnings: [
      ...result.warnings.flatMap((w) => toWarning(w, outline)),
      ...outline.mixedContentWarnings(),
      ...invalid.map((v) => invalidValueWarning(v, outline)),
    ],
    duplicateIds: duplicates(ids, text),
    unresolvedReferences: result.warnings
      .filter((w) => String(w.message).startsWith('unresolved reference'))
      .map((w) => ({ elementId: w.element?.id ?? null, property: String(w.property), ref: String(w.value) })),
  };
}

const MODDLE_CACHE_SIZE = 8;
const moddles = new Map<string, BpmnModdle>();

/**
 * The bpmn-moddle instance for documents that declare these extra namespaces (`nsMap`: URI → prefix). An instance
 * holds no per-document state (each fromXML makes its own reader), but building one and its type constructors costs
 * milliseconds, and elements of one shared set of constructors keep V8's code monomorphic. A few are kept, least
 * recently used first out, so unusual namespaces cannot make the cache grow.
 */
export function sharedModdle(nsMap: Record<string, string> = {}): BpmnModdle {
  const key = JSON.stringify(Object.entries(nsMap).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  let moddle = moddles.get(key);
  if (moddle) moddles.delete(key);
  else {
    moddle = new BpmnModdle({}, { nsMap });
    if (moddles.size >= MODDLE_CACHE_SIZE) moddles.delete(moddles.keys().next().value!);
  }
  moddles.set(key, moddle);
  return moddle;
}

/** A reference moddle dropped because nothing has its id; export.ts writes it back so the round trip keeps it. */
export interface DroppedReference {
  element: MutableElement;
  /** moddle's property descriptor (name, isMany, isAttr, …). */
  property: PropertyDescriptor;
  ref: string;
}

const droppedReferences = new WeakMap<object, DroppedReference[]>();

/** An xsd:boolean written as `1`, `0` or with spaces: the model holds the boolean, export writes it as it was. */
export interface BooleanSpelling {
  element: MutableElement;
  name: string;
  lexical: string;
}

const BOOLEAN_SPELLING = /^\s*(true|false|1|0)\s*$/;
const booleanSpellings = new WeakMap<object, BooleanSpelling[]>();

/** Booleans these definitions spelled other than `true`/`false` (empty for models built in code). */
export function booleanSpellingsOf(definitions: object): BooleanSpelling[] {
  return booleanSpellings.get(definitions) ?? [];
}

/** moddle reads every boolean that is not exactly "true" as false, so `isInterrupting="1"` would flip. */
function readBooleans(definitions: object, elementsById: Record<string, object>, found: { id: string; name: string; lexical: string }[]): void {
  const spellings: BooleanSpelling[] = [];
  for (const { id, name, lexical } of found) {
    const element = elementsById[id] as MutableElement | undefined;
    if (!element) continue;
    const property = element.$descriptor?.propertiesByName?.[name];
    if (property?.type !== 'Boolean' || !property.isAttr) continue;
    const value = lexical.trim();
    element[property.name] = value === 'true' || value === '1';
    spellings.push({ element, name: property.name, lexical });
  }
  if (spellings.length > 0) booleanSpellings.set(definitions, spellings);
}

/** The references moddle dropped while importing these definitions (empty for models built in code). */
export function droppedReferencesOf(definitions: object): DroppedReference[] {
  return droppedReferences.get(definitions) ?? [];
}

function keepDroppedReferences(moddle: BpmnModdle, definitions: object, warnings: ParseWarning[]): void {
  const dropped: DroppedReference[] = [];
  for (const w of warnings) {
    if (!String(w.message).startsWith('unresolved reference') || !w.element) continue;
    const property = moddle.getElementDescriptor(w.element).propertiesByName[String(w.property)];
    // moddle's element, seen as the engine sees every element.
    const element = w.element as unknown as MutableElement;
    if (property) dropped.push({ element, property, ref: String(w.value) });
  }
  if (dropped.length > 0) droppedReferences.set(definitions, dropped);
}

const MODDLE_PACKAGES = new BpmnModdle().getPackages();
const MODEL_NAMESPACES = new Set(MODDLE_PACKAGES.map((p) => p.uri));
const NUMBER_SPELLING = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

/** XML attribute name → Boolean, Integer or Real, for every such attribute bpmn-moddle's packages define. */
const TYPED_ATTRIBUTES: Map<string, string> = (() => {
  const moddle = new BpmnModdle();
  const types = new Map<string, string>();
  for (const [name, type] of Object.entries(moddle.registry.typeMap)) {
    if (type.extends?.length) continue;
    for (const p of moddle.getType(name).$descriptor.properties) {
      if (p.isAttr && ['Boolean', 'Integer', 'Real'].includes(p.type)) types.set(p.ns.localName, p.type);
    }
  }
  return types;
})();

function invalidValueWarning(v: { offset: number; name: string; value: string; type: string; id: string | null }, outline: ElementOutline): BpmnWarning {
  const what = v.type === 'Boolean' ? 'a boolean (true, false, 1 or 0); it is read as false' : `a number; it is read as NaN`;
  return {
    code: 'invalid_value',
    elementId: v.id,
    message: `${v.name}="${v.value.slice(0, 40)}" on ${v.id ?? `the element on line ${outline.lineOf(v.offset)}`} is not ${what}.`,
  };
}

/**
 * One prefix per namespace URI for the reader. Left to itself, bpmn-moddle's parser renames a prefix that
 * is bound to a second URI (a Dublin Core `dc:` next to the DI `dc:`, or `q` re-declared further down) to
 * `ns0`, `ns1`, … without recording their URIs, and the writer then cannot write the document back.
 * Naming every URI up front keeps the document's own prefix where it is free and picks `q_1`, `q_2`, …
 * where it is not; prefixes carry no meaning, so the round trip is unchanged.
 */
function prefixPerNamespace(declared: Map<string, string>): Record<string, string> {
  const known = new Set([...MODDLE_PACKAGES.map((p) => p.uri), XSI_NS, XML_NS]);
  const taken = new Set([...MODDLE_PACKAGES.map((p) => p.prefix), 'xsi', 'xml', 'xmlns']);
  const nsMap: Record<string, string> = {};
  for (const [uri, prefix] of declared) {
    if (known.has(uri)) continue;
    const wanted = prefix || 'ns';
    let alias = wanted;
    for (let n = 1; taken.has(alias) || /^ns\d+$/.test(alias); n++) alias = `${wanted}_${n}`;
    taken.add(alias);
    nsMap[uri] = alias;
  }
  return nsMap;
}

function guardLimits(limits: ParseLimits): XmlGuardLimits {
  return {
    maxDepth: limits.maxDepth,
    maxElements: limits.maxElements,
    maxAttributeLength: limits.maxAttributeLength ?? 256 * 1024,
    maxAttributeTotal: limits.maxAttributeTotal ?? Math.min(limits.maxBytes, 16 * 1024 * 1024),
    maxAttributesPerElement: limits.maxAttributesPerElement ?? 512,
  };
}

/** Strict decoding: BOM first, then the declared encoding; bytes that do not fit it are an error, never replaced. */
export function decodeXml(bytes: Uint8Array): string {
  try {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(3));
    }
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(bytes);
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(bytes);
  } catch {
    throw new BpmnParseError('The document is not valid in the encoding its byte-order mark announces.');
  }
  const head = String.fromCharCode(...bytes.subarray(0, 200));
  const declared = /^<\?xml[^>]*?\sencoding\s*=\s*["']([^"']{1,40})["']/.exec(head)?.[1]?.toLowerCase() ?? 'utf-8';
  if (declared === 'utf-8' || declared === 'utf8') {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      const at = firstInvalidUtf8(bytes);
      throw new BpmnParseError(`The document is not valid UTF-8 (byte offset ${at}).`, null, lineOfByte(bytes, at));
    }
  }
  if (['iso-8859-1', 'latin1', 'iso_8859-1', 'us-ascii', 'ascii'].includes(declared)) {
    const high = bytes.findIndex((b) => b >= 0x80);
    if (high < 0) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    if (declared.includes('ascii')) {
      throw new BpmnParseError(`The document declares US-ASCII but has byte 0x${bytes[high]!.toString(16)} at offset ${high}.`);
    }
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  }
  throw new BpmnParseError(`The document's encoding "${declared}" is not supported; use UTF-8.`, null, 1);
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  // Only to say where: a walk over lead and continuation bytes finds the usual culprits (Latin-1 bytes, cut sequences).
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return bytes.length;
}

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++;
  return line;
}

function lineOf(text: string, offsets: number[]): number[] {
  const lines: number[] = [];
  let line = 1;
  let at = 0;
  for (const offset of offsets) {
    for (; at < offset; at++) if (text.charCodeAt(at) === 10) line++;
    lines.push(line);
  }
  return lines;
}

function duplicates(ids: Map<string, number[]>, text: string): DuplicateId[] {
  const found: DuplicateId[] = [];
  for (const [id, offsets] of ids) if (offsets.length > 1) found.push({ id, lines: lineOf(text, offsets) });
  return found;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/**
 * Where each element starts and ends, and its id: moddle reports content it ignores by line and column only,
 * and this finds the id of that element, or of the nearest enclosing element that has one.
 */
class ElementOutline {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly parents: number[] = [];
  private readonly ids: (string | null)[] = [];
  private readonly stack: number[] = [];
  private lineStarts: number[] | null = null;

  constructor(private readonly text: string) {}

  /** Elements holding both text and child elements: moddle keeps the text but not where it stood. */
  private readonly mixed: number[] = [];
  private readonly hasText: boolean[] = [];
  private readonly hasChild: boolean[] = [];

  open(offset: number, id: string | null): void {
    const parent = this.stack[this.stack.length - 1] ?? -1;
    if (parent >= 0) this.hasChild[parent] = true;
    this.parents.push(parent);
    this.stack.push(this.starts.length);
    this.starts.push(offset);
    this.ends.push(Infinity);
    this.ids.push(id);
  }

  close(end: number): void {
    const index = this.stack.pop()!;
    this.ends[index] = end;
    if (this.hasText[index] && this.hasChild[index]) this.mixed.push(index);
  }

  markText(): void {
    const top = this.stack[this.stack.length - 1];
    if (top !== undefined) this.hasText[top] = true;
  }

  mixedContentWarnings(): BpmnWarning[] {
    return this.mixed.map((index) => {
      let at = index;
      while (at >= 0 && this.ids[at] === null) at = this.parents[at]!;
      const id = at >= 0 ? this.ids[at]! : null;
      const line = this.lineOf(this.starts[index]!);
      return {
        code: 'mixed_content',
        elementId: id,
        message:
          `An element on line ${line}${id ? ` (in ${id})` : ''} mixes text with child elements; ` +
          'the text is kept, but written before its children.',
      };
    });
  }

  lineOf(offset: number): number {
    const starts = this.lines();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  private lines(): number[] {
    if (!this.lineStarts) {
      this.lineStarts = [0];
      for (let i = 0; i < this.text.length; i++) if (this.text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    }
    return this.lineStarts;
  }

  /** The id at moddle's (0-based line, column) position, or null. */
  idAt(line: number, column: number): string | null {
    const offset = (this.lines()[line] ?? 0) + column;
    let lo = 0;
    let hi = this.starts.length - 1;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! <= offset) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    while (at >= 0 && (this.ends[at]! <= offset || this.ids[at] === null)) at = this.parents[at]!;
    return at >= 0 ? this.ids[at]! : null;
  }
}

/** Rewrites moddle's warnings into short sentences; the encoding warning is ours to handle, so it goes. */
function toWarning(w: ParseWarning, outline: ElementOutline): BpmnWarning[] {
  const message = String(w.message);
  const elementId: string | null = w.element?.id ?? null;
  if (message.startsWith('unsupported document encoding')) return [];
  if (message.startsWith('unresolved reference')) {
    const who = elementId ?? `A ${w.element?.$type ?? 'element'} without id`;
    return [{ code: 'unresolved_reference', message: `${who} refers to missing element "${w.value}" in ${w.property}.`, elementId }];
  }
  if (message.startsWith('unknown attribute')) return [{ code: 'unknown_attribute', message: `${message} on ${elementId ?? 'an element without id'}.`, elementId }];
  const parsed = /^unparsable content (.*?) ?detected\n\s*line: (\d+)\n\s*column: (\d+)\n\s*nested error: (.*)$/s.exec(message);
  if (!parsed) return [{ code: 'moddle', message, elementId }];
  const [, what, line, column, nested = ''] = parsed;
  const where = `line ${Number(line) + 1}, column ${column}${what?.startsWith('<') ? `, ${what}` : ''}`;
  const illegal = /^illegal ID <(.*)>$/s.exec(nested);
  if (illegal) {
    return [
      {
        code: 'illegal_id',
        message:
          `Id "${illegal[1]}" (${where}) is not one bpmn-moddle accepts (a letter or _ first, then ASCII letters, ` +
          'digits, _, - or .); the element would be lost.',
        elementId: illegal[1]!,
      },
    ];
  }
  const duplicate = /^duplicate ID <(.*)>$/s.exec(nested);
  if (duplicate) return [{ code: 'duplicate_id', message: `Duplicate id "${duplicate[1]}" (${where}); the element is ignored.`, elementId: duplicate[1]! }];
  // For text, moddle's position is the `<` that ends it, which may start a child: look one character back.
  const isText = nested.startsWith('unexpected body text');
  const at = outline.idAt(Number(line), Number(column) - (isText ? 1 : 0));
  return [{ code: 'ignored_content', message: `${nested} (${where}${at ? `, in ${at}` : ''}); ignored by the importer.`, elementId: at }];
}
