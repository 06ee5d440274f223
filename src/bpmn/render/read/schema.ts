// bpmn-moddle's metamodel as lookup tables for the render-only reader: per type a prototype shaped like a moddle
// instance ($type, $instanceOf, get, defaults), and moddle-xml's rules for which property an attribute or a child
// element fills. Built lazily from bpmn-moddle's own descriptors, so both readers agree on every type.
import { BpmnModdle } from 'bpmn-moddle';
import type { Descriptor, PropertyDescriptor } from '../../model.ts';

const moddle = new BpmnModdle();

export interface PackageInfo {
  prefix: string;
  /** moddle-xml's tag alias: `bpmn:task` names the type `bpmn:Task`. */
  lowerCaseAlias: boolean;
  /** xsi:type values may carry this prefix (`bpmn:tFormalExpression`). */
  typePrefix: string | undefined;
}

export const PACKAGE_BY_URI: ReadonlyMap<string, PackageInfo> = new Map(
  moddle.getPackages().map((p) => [
    p.uri as string,
    { prefix: p.prefix as string, lowerCaseAlias: p.xml?.tagAlias === 'lowerCase', typePrefix: p.xml?.typePrefix as string | undefined },
  ]),
);

export const XSI_URI = 'http://www.w3.org/2001/XMLSchema-instance';

/** How a value is coerced (moddle's coerceType); anything else is kept as the string. */
export const enum Coerce {
  None,
  Boolean,
  Integer,
  Real,
}

export interface Property {
  /** The JS property name (`flowElements`, `background-color`). */
  name: string;
  /** moddle's namespaced name (`bpmn:flowElements`), which references carry. */
  nsName: string;
  type: string;
  isMany: boolean;
  isReference: boolean;
  coerce: Coerce;
}

/** What a child element becomes: a typed element, a simple value, a reference by body text, or nothing. */
export type ChildRule =
  | { kind: 'element'; property: Property; type: TypeInfo }
  | { kind: 'value'; property: Property }
  | { kind: 'reference'; property: Property }
  /** Generic (extension) content or an error moddle-xml skips with a warning: the subtree is ignored. */
  | { kind: 'skip' }
  /** A property typed by xsi:type: resolved per element. */
  | { kind: 'typed'; property: Property };

export interface TypeInfo {
  name: string;
  /** Small and unique: readers index per-type caches by it. */
  index: number;
  proto: object;
  byName: Map<string, Property>;
  idProperty: Property | null;
  bodyProperty: Property | null;
  /** Child rule per normalised element name, filled as names are met. */
  children: Map<string, ChildRule>;
  descriptor: Descriptor;
}

const SIMPLE: Record<string, Coerce | undefined> = { String: Coerce.None, Boolean: Coerce.Boolean, Integer: Coerce.Integer, Real: Coerce.Real };

function toProperty(p: PropertyDescriptor): Property {
  return {
    name: p.name, nsName: p.ns.name, type: p.type, isMany: !!p.isMany, isReference: !!p.isReference,
    coerce: SIMPLE[p.type] ?? Coerce.None,
  };
}

export function coerce(kind: Coerce, value: string): string | number | boolean {
  switch (kind) {
    case Coerce.Boolean:
      return value === 'true';
    case Coerce.Integer:
      return parseInt(value, 10);
    case Coerce.Real:
      return parseFloat(value);
    default:
      return value;
  }
}

const types = new Map<string, TypeInfo | null>();

/** A reader element (or its type's prototype): its type, extension attributes, properties by JS name. */
export interface ReaderElement {
  $info: TypeInfo;
  $descriptor: Descriptor;
  $attrs?: Record<string, unknown>;
  [property: string]: unknown;
}

/** The reader's elements answer `get` like moddle's: a property by either name, else an extension attribute. */
const BASE = {
  get(this: ReaderElement, name: string): unknown {
    const property: Property | undefined = this.$info.byName.get(name);
    if (!property) return this.$attrs?.[name];
    if (property.isMany && !this[property.name]) this[property.name] = [];
    return this[property.name];
  },
};

/** A type by moddle name (`bpmn:Task`), or null when moddle does not know it. */
export function typeInfo(name: string): TypeInfo | null {
  let info = types.get(name);
  if (info !== undefined) return info;
  let descriptor: Descriptor | undefined;
  try {
    descriptor = moddle.getType(name)?.$descriptor;
  } catch {
    descriptor = undefined;
  }
  if (!descriptor) {
    types.set(name, null);
    return null;
  }
  const byName = new Map<string, Property>();
  for (const [key, p] of Object.entries(descriptor.propertiesByName)) byName.set(key, toProperty(p));
  const allTypes: Record<string, unknown> = descriptor.allTypesByName;
  const proto: ReaderElement = Object.create(BASE);
  for (const p of descriptor.properties) if (!p.isMany && p.default !== undefined) proto[p.name] = p.default;
  proto.$type = descriptor.ns.name;
  proto.$descriptor = descriptor;
  proto.$instanceOf = (type: string) => type in allTypes;
  info = {
    name: descriptor.ns.name,
    index: types.size,
    proto,
    byName,
    idProperty: descriptor.idProperty ? byName.get(descriptor.idProperty.name)! : null,
    bodyProperty: descriptor.bodyProperty ? byName.get(descriptor.bodyProperty.name)! : null,
    children: new Map(),
    descriptor,
  };
  proto.$info = info;
  types.set(name, info);
  types.set(info.name, info);
  return info;
}

/** moddle-xml's type name for an element `prefix:local` of a known package. */
export function elementTypeName(pkg: PackageInfo, local: string): string {
  return pkg.lowerCaseAlias ? `${pkg.prefix}:${local.charAt(0).toUpperCase()}${local.slice(1)}` : `${pkg.prefix}:${local}`;
}

/**
 * moddle-xml's getPropertyForNode + handleChild: a property by the element's name first, otherwise the first
 * containment whose type the element's type extends; unknown packages go to a generic `Element` property.
 * `name` is normalised (`bpmn:task`, or the bare local name for an element in no namespace).
 */
export function childRule(parent: TypeInfo, name: string, pkg: PackageInfo | null, local: string): ChildRule {
  let rule = parent.children.get(name);
  if (rule) return rule;
  rule = resolveChild(parent, name, pkg, local);
  parent.children.set(name, rule);
  return rule;
}

function resolveChild(parent: TypeInfo, name: string, pkg: PackageInfo | null, local: string): ChildRule {
  const byName = parent.descriptor.propertiesByName[name];
  if (byName && !byName.isAttr) {
    const property = parent.byName.get(name)!;
    if (byName.xml?.serialize && byName.xml.serialize !== 'property') return { kind: 'typed', property };
    return ruleFor(property, property.type);
  }
  if (pkg) {
    const type = typeInfo(elementTypeName(pkg, local));
    if (!type) return { kind: 'skip' };
    const allTypes = type.descriptor.allTypesByName;
    const p = parent.descriptor.properties.find((q) => !q.isVirtual && !q.isReference && !q.isAttribute && q.type in allTypes);
    return p ? ruleFor(parent.byName.get(p.name)!, type.name) : { kind: 'skip' };
  }
  return { kind: 'skip' };
}

export type PlainRule = Exclude<ChildRule, { kind: 'typed' }>;

export function ruleFor(property: Property, typeName: string): PlainRule {
  if (SIMPLE[typeName] !== undefined) return { kind: 'value', property };
  if (property.isReference) return { kind: 'reference', property };
  if (typeName === 'Element') return { kind: 'skip' };
  const type = typeInfo(typeName);
  return type ? { kind: 'element', property, type } : { kind: 'skip' };
}

/** Unprefixed attribute names that some moddle type declares Boolean (parse.ts's TYPED_ATTRIBUTES, Boolean part). */
export const BOOLEAN_ATTRIBUTES: ReadonlySet<string> = (() => {
  const types = new Map<string, string>();
  for (const [name, type] of Object.entries(moddle.registry.typeMap)) {
    if (type.extends?.length) continue;
    for (const p of moddle.getType(name).$descriptor.properties) {
      if (p.isAttr && ['Boolean', 'Integer', 'Real'].includes(p.type)) types.set(p.ns.localName, p.type);
    }
  }
  return new Set([...types].filter(([, type]) => type === 'Boolean').map(([name]) => name));
})();
