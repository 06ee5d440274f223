// Schemas of the folder routes: the folder object, its create/update bodies and the list filter.
import { Type } from 'typebox';
import { MAX_CONTEXT_LENGTH, MAX_NAME_LENGTH } from '../../../services/folders.ts';
import { ListSchema, NullableUuid, PageQuerySchema, Timestamp, Uuid } from '../../schemas.ts';

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
