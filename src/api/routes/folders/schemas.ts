// Schemas of the folder routes: the folder object, its create/update bodies and the list filter.
import { Type } from 'typebox';
import { MAX_CONTEXT_LENGTH, MAX_NAME_LENGTH } from '../../../services/folders.ts';
import { ErrorEnvelopeSchema, ListSchema, PageQuerySchema } from '../../schemas.ts';

export const Uuid = Type.String({ format: 'uuid', examples: ['3f1c2b8a-9d4e-4a21-bc7f-1e2d3c4b5a6f'] });
export const Timestamp = Type.String({ format: 'date-time', description: 'RFC 3339, UTC, to the second.' });

/**
 * A UUID or null, as one JSON-schema type list rather than anyOf: the response serialiser then writes it
 * with a typeof check instead of validating each branch per row (a list page has hundreds of these).
 */
export const NullableUuid = Type.Unsafe<string | null>({ type: ['string', 'null'], format: 'uuid' });

/** `{id}` in the path. Checked in the handler: a non-UUID is 400 invalid_parameter, an unknown UUID 404. */
export const IdParams = Type.Object({ id: Type.String({ description: 'A UUID. Not a UUID: 400 invalid_parameter; unknown: 404.' }) });

export const FolderSchema = Type.Object(
  {
    object: Type.Literal('folder'),
    id: Uuid,
    name: Type.String(),
    parent_id: NullableUuid,
    context: Type.String({ description: 'Steers generation into this folder and its sub-folders.' }),
    organization_id: NullableUuid,
    created_by: Uuid,
    created_at: Timestamp,
    updated_at: Timestamp,
    livemode: Type.Boolean(),
  },
  { title: 'Folder' },
);

export const DeletedFolderSchema = Type.Object({ object: Type.Literal('folder'), id: Uuid, deleted: Type.Literal(true) });

const Name = Type.String({ minLength: 1, maxLength: MAX_NAME_LENGTH });
const Context = Type.String({ maxLength: MAX_CONTEXT_LENGTH, description: `At most ${MAX_CONTEXT_LENGTH} characters.` });
const ParentId = Type.Union([Uuid, Type.Null()], { description: 'The parent folder, or null for the top level.' });

export const CreateFolderBody = Type.Object({
  name: Name,
  parent_id: Type.Optional(ParentId),
  context: Type.Optional(Context),
});

export const UpdateFolderBody = Type.Object({
  name: Type.Optional(Name),
  parent_id: Type.Optional(ParentId),
  context: Type.Optional(Context),
});

export const ListFoldersQuery = Type.Object({
  ...PageQuerySchema.properties,
  parent_id: Type.Optional(
    Type.Union([Type.Literal('none'), Uuid], { description: 'Only the sub-folders of this folder; `none` for top-level folders.' }),
  ),
});

export const FolderListSchema = ListSchema(FolderSchema);

/** Documents Idempotency-Key on POST routes; the idempotency plugin checks it (400 idempotency_key_invalid). */
export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({ description: '1–255 printable ASCII characters. The same key and body within 24 h replays the first response.' }),
  ),
});

/** Route-specific error responses for the OpenAPI document. */
export function errorResponse(description: string) {
  return { ...ErrorEnvelopeSchema, description };
}
