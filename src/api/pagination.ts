// Keyset pagination cursors (api-v1.md §5): the position of the last row of a page (created_at, id), bound to
// the list, its filter and its owner by an HMAC, so a cursor that was edited, truncated or issued for another
// list or filter is 400 invalid_cursor instead of a silently wrong page.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { InvalidRequestError } from '../errors.ts';
import { jsonString } from './json-text.ts';
import { deriveKey } from '../shared-secret.ts';

export interface PagePosition {
  createdAt: number;
  id: string;
}

/** What a cursor is valid for: the list (`diagrams`), its filter (`folder_id=none`) and whose data it pages. */
export interface CursorScope {
  list: string;
  filter: string;
  owner: string;
}

export interface Page<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  next_cursor: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAC_LENGTH = 16;

export class CursorCodec {
  readonly #key: Buffer;

  /** The HMAC key derives from `secret`: with one shared secret, every server process accepts every other's cursors. */
  constructor(secret: string) {
    this.#key = deriveKey(secret, 'cursor');
  }

  encode(position: PagePosition, scope: CursorScope): string {
    return this.#seal([position.createdAt, position.id], scope);
  }

  /** The position a cursor stands for; 400 invalid_cursor when it does not decode or belongs to another list. */
  decode(cursor: string, scope: CursorScope): PagePosition {
    const decoded = this.#open(cursor, scope);
    if (!Array.isArray(decoded) || decoded.length !== 2) throw invalidCursor();
    const [createdAt, id] = decoded as unknown[];
    if (!Number.isSafeInteger(createdAt) || typeof id !== 'string' || !UUID.test(id)) throw invalidCursor();
    return { createdAt: createdAt as number, id };
  }

  /** A cursor for a list ordered by one descending integer key (a diagram's versions): the last key shown. */
  encodeKey(key: number, scope: CursorScope): string {
    return this.#seal(key, scope);
  }

  /** The key a cursor from encodeKey stands for; 400 invalid_cursor as decode. */
  decodeKey(cursor: string, scope: CursorScope): number {
    const key = this.#open(cursor, scope);
    if (!Number.isSafeInteger(key)) throw invalidCursor();
    return key as number;
  }

  #seal(value: unknown, scope: CursorScope): string {
    const payload = Buffer.from(JSON.stringify(value)).toString('base64url');
    return `${payload}.${this.#mac(payload, scope).toString('base64url')}`;
  }

  /** The value a sealed cursor holds, once its MAC is checked for this scope. */
  #open(cursor: string, scope: CursorScope): unknown {
    const [payload, mac, extra] = cursor.split('.');
    if (!payload || !mac || extra !== undefined) throw invalidCursor();
    const given = Buffer.from(mac, 'base64url');
    // Only the canonical spelling: the spare bits of the last base64 character must not make twins of one cursor.
    if (given.toString('base64url') !== mac) throw invalidCursor();
    const expected = this.#mac(payload, scope);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalidCursor();
    try {
      return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      throw invalidCursor();
    }
  }

  /**
   * Turns `limit + 1` fetched rows into a page: the extra row only says there is more.
   * @example const page = codec.page(await repo.page(owner, filter, after, limit + 1), limit, scope, toFolder);
   */
  page<Row extends { created_at: number; id: string }, T>(rows: Row[], limit: number, scope: CursorScope, present: (row: Row) => T): Page<T> {
    return this.#page(rows, limit, present, (last) => this.encode({ createdAt: last.created_at, id: last.id }, scope));
  }

  /** `page` for a list keyed by one descending integer: `keyOf` gives an item's key (see encodeKey). */
  pageByKey<T>(items: T[], limit: number, scope: CursorScope, keyOf: (item: T) => number): Page<T> {
    return this.#page(items, limit, (item) => item, (last) => this.encodeKey(keyOf(last), scope));
  }

  #page<Row, T>(rows: Row[], limit: number, present: (row: Row) => T, cursorOf: (last: Row) => string): Page<T> {
    const hasMore = rows.length > limit;
    const shown = hasMore ? rows.slice(0, limit) : rows;
    const last = shown.at(-1);
    return { object: 'list', data: shown.map(present), has_more: hasMore, next_cursor: hasMore && last !== undefined ? cursorOf(last) : null };
  }

  /**
   * The same page as `page`, written to JSON text as the ListSchema serialiser writes it, from rows of any
   * shape: `itemJson` writes one item, `position` says where a row stands (for the cursor).
   */
  pageJson<Row>(rows: Row[], limit: number, scope: CursorScope, position: (row: Row) => PagePosition, itemJson: (row: Row) => string): string {
    const hasMore = rows.length > limit;
    const shown = hasMore ? limit : rows.length;
    let data = '';
    for (let i = 0; i < shown; i++) data += i === 0 ? itemJson(rows[i]!) : `,${itemJson(rows[i]!)}`;
    const last = rows[shown - 1];
    const next = hasMore && last !== undefined ? jsonString(this.encode(position(last), scope)) : 'null';
    return `{"object":"list","data":[${data}],"has_more":${hasMore},"next_cursor":${next}}`;
  }

  #mac(payload: string, scope: CursorScope): Buffer {
    return createHmac('sha256', this.#key)
      .update(`${scope.list}\n${scope.filter}\n${scope.owner}\n${payload}`)
      .digest()
      .subarray(0, MAC_LENGTH);
  }
}

function invalidCursor(): InvalidRequestError {
  return new InvalidRequestError(
    'invalid_cursor',
    'The cursor is not valid for this list: pass the next_cursor of the previous page unchanged, with the same filters.',
    'cursor',
  );
}
