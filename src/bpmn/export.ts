// Faithful export: bpmn-moddle writes the model back; we correct the places where its writer would otherwise
// lose information (docs/bpmn-engine.md lists them), each only for the duration of the synchronous write.
import type { BpmnElement, Definitions, Descriptor, Moddle, MutableElement, PropertyDescriptor } from './model.ts';
import { booleanSpellingsOf, droppedReferencesOf, type BooleanSpelling, type DroppedReference } from './parse.ts';

type Restore = () => void;

/**
 * Serialises a bpmn-moddle Definitions tree to formatted BPMN 2.0 XML (UTF-8). Importing a document with
 * parseBpmn and exporting it keeps every element, attribute, extension element, documentation and namespace.
 * @example const xml = await exportBpmn(parsed.definitions, parsed.moddle);
 */
export async function exportBpmn(definitions: Definitions, moddle: Moddle): Promise<string> {
  const restores: Restore[] = [];
  let pending: Promise<{ xml: string }>;
  let marks: Marks | null;
  let aliases: Alias[];
  try {
    restores.push(hideDefaults(moddle));
    restores.push(putBackReferences(droppedReferencesOf(definitions)));
    restores.push(spellBooleans(booleanSpellingsOf(definitions)));
    restores.push(keepTypeSpellings(definitions));
    const aliased = aliasOwnNamespaceAttributes(definitions);
    restores.push(aliased.restore);
    aliases = aliased.aliases;
    const protectedChars = protectCharacters(definitions);
    restores.push(protectedChars.restore);
    marks = protectedChars.marks;
    // moddle's toXML runs its writer inside the Promise executor, i.e. before this call returns.
    pending = moddle.toXML(definitions, { format: true });
  } finally {
    for (const restore of restores.reverse()) restore();
  }
  let { xml } = await pending;
  for (const alias of aliases) {
    xml = xml.split(`xmlns:${alias.prefix}="${alias.placeholder}"`).join(`xmlns:${alias.prefix}="${escapeAttribute(alias.uri)}"`);
  }
  return marks ? xml.split(marks.cr).join('&#13;').split(marks.tab).join('&#9;') : xml;
}

/**
 * moddle-xml leaves out an attribute whose value equals the schema default even when the document wrote it
 * (completionQuantity="1", isCollection="false"). Defaults live on the type prototypes for reading, so hiding
 * them from the writer changes nothing but the output; an attribute never set is still left out.
 */
function hideDefaults(moddle: Moddle): Restore {
  const hidden = defaultedProperties(moddle);
  for (const property of hidden.keys()) property.default = undefined;
  return () => {
    for (const [property, value] of hidden) property.default = value;
  };
}

type Default = PropertyDescriptor['default'];

const defaulted = new WeakMap<object, Map<PropertyDescriptor, Default>>();

/** Every property with a schema default, and the default: listed once per moddle instance, which parse.ts shares. */
function defaultedProperties(moddle: Moddle): Map<PropertyDescriptor, Default> {
  let found = defaulted.get(moddle);
  if (found) return found;
  found = new Map();
  for (const [name, type] of Object.entries(moddle.registry.typeMap)) {
    // Types that only extend others (bioc:ColoredShape) cannot be instantiated; their hosts carry the properties.
    if (type.extends?.length) continue;
    for (const property of moddle.getType(name).$descriptor.properties) {
      if (property.default !== undefined && !found.has(property)) found.set(property, property.default);
    }
  }
  defaulted.set(moddle, found);
  return found;
}

/** References to ids that exist nowhere (C.8.1's `triso:unspecified`) are dropped on import; write them as they were. */
function putBackReferences(dropped: DroppedReference[]): Restore {
  const undo: Restore[] = [];
  for (const { element, property, ref } of dropped) {
    const placeholder = { id: ref };
    if (property.isMany) {
      const list = element.get(property.name) as unknown[];
      list.push(placeholder);
      undo.push(() => list.splice(list.indexOf(placeholder), 1));
    } else if (element[property.name] === undefined) {
      element[property.name] = placeholder;
      undo.push(() => delete element[property.name]);
    }
  }
  return () => {
    for (const u of undo.reverse()) u();
  };
}

/**
 * Properties serialised "by type" (conditionExpression, waypoint, resourceAssignmentExpression's expression)
 * are written by moddle as `<property xsi:type="…">`, dropping an xsi:type that names the declared type and
 * turning a substitution-group element (`<formalExpression>`) into `<expression xsi:type=…>`. moddle keeps
 * the xsi:type it read in `$attrs`, which tells the two spellings apart; we give the writer a descriptor
 * that makes it reproduce the one the document used.
 */
function keepTypeSpellings(definitions: Definitions): Restore {
  const undo: Restore[] = [];
  eachElement(definitions, (parent, descriptor) => {
    const properties = childProperties(descriptor).byType;
    if (properties.length === 0) return;
    const byName = new Set<PropertyDescriptor>();
    for (const property of properties) {
      const serialization = property.xml!.serialize!;
      const raw = parent[property.name];
      // A child property holds elements (or nothing): one, or a list when isMany.
      for (const value of (property.isMany ? (raw ?? []) : [raw]) as (BpmnElement | undefined)[]) {
        if (!value?.$descriptor) continue;
        const hasType = Object.hasOwn(value.$attrs ?? {}, serialization);
        const isDeclared = value.$descriptor.name === property.type;
        if (hasType && isDeclared) undo.push(overrideDescriptor(value, derive(value.$descriptor, { name: `${property.type} (explicit)` })));
        if (!hasType && !isDeclared) byName.add(property);
      }
    }
    if (byName.size === 0) return;
    const derived = descriptor.properties.map((p) => (byName.has(p) ? derive(p, { xml: { ...p.xml, serialize: undefined } }) : p));
    undo.push(overrideDescriptor(parent, derive(descriptor, { properties: derived })));
  });
  return () => {
    for (const u of undo.reverse()) u();
  };
}

/** A copy that differs in `changes` and inherits everything else, including moddle's non-enumerable fields. */
function derive<T extends object>(base: T, changes: Partial<T>): T {
  return Object.create(base, Object.fromEntries(Object.entries(changes).map(([k, value]) => [k, { value, enumerable: true }])));
}

function overrideDescriptor(element: BpmnElement, descriptor: Descriptor): Restore {
  Object.defineProperty(element, '$descriptor', { value: descriptor, configurable: true });
  return () => delete element.$descriptor;
}

/** Visits every typed model element reachable through containment (not references). */
function eachElement(root: BpmnElement, visit: (element: MutableElement, descriptor: Descriptor) => void): void {
  const stack = [root as MutableElement];
  while (stack.length > 0) {
    const element = stack.pop();
    if (!element?.$descriptor || element.$descriptor.isGeneric) continue;
    visit(element, element.$descriptor);
    pushChildren(stack, element, element.$descriptor);
  }
}

/** Pushes what `element`'s child properties hold: elements, one per property or a list of them. */
function pushChildren(stack: MutableElement[], element: MutableElement, descriptor: Descriptor): void {
  for (const property of childProperties(descriptor).all) {
    const value = element[property.name];
    if (Array.isArray(value)) stack.push(...(value as MutableElement[]));
    else if (value && typeof value === 'object') stack.push(value as MutableElement);
  }
}

interface ChildProperties {
  all: PropertyDescriptor[];
  byType: PropertyDescriptor[];
}

const childPropertiesOf = new WeakMap<object, ChildProperties>();

/** A type's properties that contain elements (not attributes, not references), and those serialised by type. */
function childProperties(descriptor: Descriptor): ChildProperties {
  let found = childPropertiesOf.get(descriptor);
  if (!found) {
    const all = descriptor.properties.filter((p) => !p.isAttr && !p.isReference);
    found = { all, byType: all.filter((p) => p.xml?.serialize) };
    childPropertiesOf.set(descriptor, found);
  }
  return found;
}

/** Booleans the document wrote as `1`/`0` are written so again, unless the model has changed them since. */
function spellBooleans(spellings: BooleanSpelling[]): Restore {
  const undo: Restore[] = [];
  for (const { element, name, lexical } of spellings) {
    const value = element[name];
    const trimmed = lexical.trim();
    if (value !== (trimmed === 'true' || trimmed === '1')) continue;
    element[name] = lexical;
    undo.push(() => {
      element[name] = value;
    });
  }
  return () => {
    for (const u of undo.reverse()) u();
  };
}

/**
 * An element as the alias pass meets it: extension elements (moddle's createAny) are generic, name their namespace
 * URI in their descriptor and keep their children in `$children`; typed ones find the URI through their model.
 */
type AliasedElement = MutableElement & {
  $descriptor?: Descriptor & { isGeneric?: boolean; ns: { uri?: string } };
  $model?: Moddle;
  $children?: AliasedElement[];
};

interface Alias {
  prefix: string;
  /** Bound to the alias while the writer runs, so that it cannot tell the attribute is in the element's namespace. */
  placeholder: string;
  uri: string;
}

/**
 * An attribute prefixed with its element's own namespace (`<triso:allowedValues triso:constraintsType=…>`)
 * is written by moddle without the prefix, which puts it in no namespace (and collides with an unprefixed
 * attribute of the same name). Such attributes get an alias prefix of their own (`triso.a0`), bound to a
 * placeholder URI while the writer runs and to the real URI in the output.
 */
function aliasOwnNamespaceAttributes(definitions: Definitions): { aliases: Alias[]; restore: Restore } {
  const targets: { holder: Record<string, unknown>; prefix: string; uri: string }[] = [];
  const usedPrefixes = new Set<string>();
  const stack = [definitions as AliasedElement];
  while (stack.length > 0) {
    const element = stack.pop();
    if (!element || typeof element !== 'object' || !element.$type) continue;
    const type = String(element.$type);
    const colon = type.indexOf(':');
    const prefix = colon < 0 ? type : type.slice(0, colon);
    usedPrefixes.add(prefix);
    const uri = element.$descriptor?.ns?.uri ?? element.$model?.getPackage(prefix)?.uri;
    if (element.$descriptor?.isGeneric) {
      if (uri) targets.push({ holder: element, prefix, uri });
      stack.push(...(element.$children ?? []));
      continue;
    }
    if (element.$attrs && uri && hasKeys(element.$attrs)) targets.push({ holder: element.$attrs, prefix, uri });
    if (element.$descriptor) pushChildren(stack, element, element.$descriptor);
  }
  for (const { holder } of targets) for (const key of Object.keys(holder)) if (key.includes(':')) usedPrefixes.add(key.split(':')[0]!);

  const aliases = new Map<string, Alias>();
  const undo: Restore[] = [];
  for (const { holder, prefix, uri } of targets) {
    for (const key of Object.keys(holder)) {
      if (!key.startsWith(`${prefix}:`) || key.startsWith('xmlns:')) continue;
      let alias = aliases.get(uri);
      if (!alias) {
        let name = `${prefix}.a${aliases.size}`;
        while (usedPrefixes.has(name)) name += 'x';
        alias = { prefix: name, placeholder: `urn:x-jfi-alias:${aliases.size}`, uri };
        aliases.set(uri, alias);
      }
      const value = holder[key];
      const aliasKey = `${alias.prefix}:${key.slice(prefix.length + 1)}`;
      const declaration = `xmlns:${alias.prefix}`;
      delete holder[key];
      holder[aliasKey] = value;
      holder[declaration] = alias.placeholder;
      undo.push(() => {
        delete holder[aliasKey];
        delete holder[declaration];
        holder[key] = value;
      });
    }
  }
  return {
    aliases: [...aliases.values()],
    restore: () => {
      for (const u of undo.reverse()) u();
    },
  };
}

const PRIVATE_USE = /[\ue000-\uf8ff]/;

/** Whether an object has an enumerable key, without listing them (most elements have no foreign attributes). */
function hasKeys(object: object): boolean {
  for (const _key in object) return true;
  return false;
}

interface Marks {
  cr: string;
  tab: string;
}

/**
 * The writer puts carriage returns and tabs into attribute values literally (and turns "\n\r" into one &#10;),
 * where any XML parser reads them back as spaces. Swap them for private-use marks, written afterwards as
 * character references (no marks when no value has either).
 */
function protectCharacters(definitions: Definitions): { marks: Marks | null; restore: Restore } {
  const slots: { holder: Record<string, unknown>; key: string; value: string }[] = [];
  const used = new Set<string>();
  const seen = new Set<object>();
  const visit = (object: unknown): void => {
    if (object === null || typeof object !== 'object' || seen.has(object)) return;
    seen.add(object);
    const value = object as Record<string, unknown>;
    for (const key of Object.keys(value)) {
      if (key === '$parent' || key === '$descriptor' || key === '$model') continue;
      const v = value[key];
      if (typeof v === 'string') {
        if (PRIVATE_USE.test(v)) for (const ch of v) if (ch >= '\ue000' && ch <= '\uf8ff') used.add(ch);
        if (v.includes('\r') || v.includes('\t')) slots.push({ holder: value, key, value: v });
      } else visit(v);
    }
    // Attributes from other namespaces live in $attrs, which moddle makes non-enumerable.
    if (value.$attrs) visit(value.$attrs);
  };
  visit(definitions);
  if (slots.length === 0) return { marks: null, restore: () => {} };
  const free = freeMarks(used);
  const marks = { cr: free[0]!, tab: free[1]! };
  for (const slot of slots) slot.holder[slot.key] = slot.value.replaceAll('\r', marks.cr).replaceAll('\t', marks.tab);
  return {
    marks,
    restore: () => {
      for (const slot of slots) slot.holder[slot.key] = slot.value;
    },
  };
}

function escapeAttribute(value: string): string {
  return value.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function freeMarks(used: Set<string>): string[] {
  const free: string[] = [];
  for (let code = 0xe000; free.length < 2; code++) {
    const ch = String.fromCharCode(code);
    if (!used.has(ch)) free.push(ch);
  }
  return free;
}
