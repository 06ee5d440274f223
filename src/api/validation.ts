// Request validation: strict AJV (no coercion of bodies, unknown fields rejected) and the mapping from
// AJV's errors to our envelope codes (missing_parameter / invalid_parameter with a dotted `param`).
import { Ajv, type ErrorObject, type Options } from 'ajv';
import * as ajvFormats from 'ajv-formats';
import type { FastifySchema, FastifySchemaCompiler, RouteOptions } from 'fastify';
import { type DomainError, InvalidRequestError, NotFoundError } from '../errors.ts';

type JsonSchema = Record<string, unknown>;
type HttpPart = 'body' | 'querystring' | 'params' | 'headers' | string;

type AddFormats = (ajv: Ajv) => Ajv;
// ajv-formats is CommonJS: as the loader sees it, its function is the module, its default or its default's default.
const formatsModule = ajvFormats as unknown as { default?: AddFormats & { default?: AddFormats } };
const addFormats = (formatsModule.default?.default ?? formatsModule.default ?? ajvFormats) as AddFormats;

function createAjv(options: Options): Ajv {
  // verbose: errors carry their parentSchema, from which the messages below are written.
  const ajv = new Ajv({ allErrors: false, removeAdditional: false, useDefaults: true, verbose: true, strictTypes: false, ...options });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'example' });
  return ajv;
}

/** Bodies are JSON: no coercion. Query strings and path parameters are text: integers may be coerced. */
export function createValidatorCompiler(): FastifySchemaCompiler<unknown> {
  const bodyAjv = createAjv({ coerceTypes: false });
  const textAjv = createAjv({ coerceTypes: true });
  return ({ schema, httpPart }) => {
    if (httpPart === 'body') return bodyAjv.compile(schema as JsonSchema);
    const validate = textAjv.compile(schema as JsonSchema);
    // "limit=1e309" coerces to Infinity and passes AJV's integer and maximum checks: no value of ours is infinite.
    const finite = (data: unknown): boolean => {
      const ok = validate(data);
      const infinite = ok && data && typeof data === 'object' ? Object.entries(data).find(([, v]) => typeof v === 'number' && !Number.isFinite(v)) : undefined;
      const properties = (schema as { properties?: Record<string, JsonSchema> }).properties ?? {};
      finite.errors = infinite ? [{ keyword: 'maximum', instancePath: `/${infinite[0]}`, schemaPath: '', params: {}, parentSchema: properties[infinite[0]] ?? {}, message: 'must be finite' }] : validate.errors;
      return ok && !infinite;
    };
    finite.errors = null as ErrorObject[] | null | undefined;
    return finite;
  };
}

/**
 * Closes every object schema of a route's request parts (`additionalProperties: false` unless the schema
 * says otherwise) and gives routes without a querystring schema an empty one, so an unknown parameter is
 * always a 400 instead of being silently ignored.
 */
export function closeRequestSchemas(route: RouteOptions): void {
  const schema: FastifySchema = { ...(route.schema ?? {}) };
  schema.querystring = closeObjects(schema.querystring ?? { type: 'object', properties: {} });
  if (schema.body) schema.body = closeObjects(schema.body);
  if (schema.params) schema.params = closeObjects(schema.params);
  route.schema = schema;
}

/** A schema with every object closed (`additionalProperties: false` unless it says otherwise): unknown fields are errors. */
export function closeObjects(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closeObjects);
  if (schema === null || typeof schema !== 'object') return schema;
  const copy: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    // Property names are data, not schemas: copy their schemas, not the map itself as a schema.
    copy[key] = key === 'properties' ? mapValues(value as JsonSchema, closeObjects) : closeObjects(value);
  }
  if (copy.type === 'object' && copy.additionalProperties === undefined && copy.patternProperties === undefined) {
    copy.additionalProperties = false;
  }
  return copy;
}

function mapValues(object: JsonSchema, fn: (value: unknown) => unknown): JsonSchema {
  return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, fn(v)]));
}

/** Turns the first AJV error of a failed request part into the envelope error a client can act on. */
export function toValidationError(errors: ErrorObject[], part: HttpPart): DomainError {
  const error = pickError(errors);
  if (!error) return new InvalidRequestError('invalid_parameter', 'The request is invalid.');
  const path = pointerToPath(error.instancePath);
  if (part === 'params') return new NotFoundError('No such resource.', path || null);

  if (error.keyword === 'required') {
    const param = join(path, (error.params as { missingProperty: string }).missingProperty);
    return new InvalidRequestError('missing_parameter', `${param} is required.`, param);
  }
  if (error.keyword === 'additionalProperties') {
    const param = join(path, (error.params as { additionalProperty: string }).additionalProperty);
    return new InvalidRequestError('invalid_parameter', `Unknown parameter: ${param}.`, param);
  }
  if (path === '') {
    const what = part === 'body' ? 'The request body' : 'The query string';
    return new InvalidRequestError('invalid_parameter', `${what} must be a JSON object.`);
  }
  return new InvalidRequestError('invalid_parameter', `${path} ${describeExpectation(error.parentSchema as JsonSchema, error.keyword)}.`, path);
}

// With allErrors off AJV stops at the first failing keyword, but a union reports each branch first and
// then itself: the union's own error describes what was expected.
function pickError(errors: ErrorObject[]): ErrorObject | undefined {
  const union = errors.findLast((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  return union ?? errors[0];
}

function pointerToPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

function join(path: string, name: string): string {
  return path ? `${path}.${name}` : name;
}

function describeExpectation(schema: JsonSchema | undefined, keyword = ''): string {
  if (!schema) return 'is invalid';
  const variants = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (variants) {
    const constants = variants.filter((v) => v.const !== undefined).map((v) => String(v.const));
    const nullable = variants.some((v) => v.type === 'null');
    const others = variants.filter((v) => v.const === undefined && v.type !== 'null');
    const parts: string[] = [];
    if (constants.length > 0) parts.push(`one of ${constants.join(', ')}`);
    for (const other of others) parts.push(describeExpectation(other).replace(/^must be /, ''));
    if (nullable) parts.push('null');
    return `must be ${parts.join(' or ')}`;
  }
  if (schema.enum) return `must be one of ${(schema.enum as unknown[]).map(String).join(', ')}`;
  if (schema.const !== undefined) return `must be ${String(schema.const)}`;
  switch (schema.type) {
    case 'integer':
    case 'number':
      return describeNumber(schema);
    case 'string':
      return keyword === 'pattern' ? `must match the pattern ${schema.pattern}` : describeString(schema);
    case 'boolean':
      return 'must be true or false';
    case 'array':
      return describeArray(schema);
    case 'object':
      return 'must be an object';
    case 'null':
      return 'must be null';
    default:
      return 'is invalid';
  }
}

function describeNumber(schema: JsonSchema): string {
  const noun = schema.type === 'integer' ? 'an integer' : 'a number';
  const { minimum: min, maximum: max } = schema as { minimum?: number; maximum?: number };
  if (min !== undefined && max !== undefined) return `must be ${noun} between ${min} and ${max}`;
  if (min !== undefined) return `must be ${noun} of at least ${min}`;
  if (max !== undefined) return `must be ${noun} of at most ${max}`;
  return `must be ${noun}`;
}

function describeString(schema: JsonSchema): string {
  if (schema.format) return `must be a valid ${schema.format}`;
  const { minLength: min, maxLength: max } = schema as { minLength?: number; maxLength?: number };
  if (min !== undefined && max !== undefined) return `must be a string of ${min} to ${max} characters`;
  if (min !== undefined) return `must be a string of at least ${min} characters`;
  if (max !== undefined) return `must be a string of at most ${max} characters`;
  if (schema.pattern) return `must match the pattern ${schema.pattern}`;
  return 'must be a string';
}

function describeArray(schema: JsonSchema): string {
  const { minItems: min, maxItems: max } = schema as { minItems?: number; maxItems?: number };
  if (min !== undefined && max !== undefined) return `must be an array of ${min} to ${max} items`;
  if (min !== undefined) return `must be an array of at least ${min} items`;
  if (max !== undefined) return `must be an array of at most ${max} items`;
  return 'must be an array';
}
