// Schemas of the version routes: the diagram_version object, the `{id}/versions/{version}` path, compare queries.
import { Type } from 'typebox';
import { IdempotencyHeaders, ListSchema, PageQuerySchema, Timestamp, Uuid } from '../../schemas.ts';
import { DiagramSchema, IfMatchHeaders } from '../diagrams/schemas.ts';

/** Versions are Postgres `integer`s: a larger number in a path is an unknown version, not a database error. */
const MAX_VERSION = 2_147_483_647;

export const VersionNumber = Type.Integer({
  minimum: 1,
  maximum: MAX_VERSION,
  description: 'The diagram version at which this content arrived. The newest version is the current content.',
});

export const DiagramVersionSchema = Type.Object(
  {
    object: Type.Literal('diagram_version'),
    diagram_id: Uuid,
    version: VersionNumber,
    created_at: Timestamp,
    created_by: Uuid,
    source: Type.Unsafe<'imported' | 'generated' | 'edited' | 'restored'>({
      type: 'string',
      enum: ['imported', 'generated', 'edited', 'restored'],
      description: 'How the content arrived: the first import or generation, a later change of the BPMN (PATCH, the modeler), or a restore.',
    }),
    livemode: Type.Boolean(),
    stats: DiagramSchema.properties.stats,
    prompt: Type.Union([Type.String(), Type.Null()], { description: 'The description a generated version was made from; else null.' }),
  },
  { title: 'DiagramVersion' },
);

export const DiagramVersionListSchema = ListSchema(DiagramVersionSchema);

export const ListVersionsQuery = PageQuerySchema;

export const VersionParams = Type.Object({
  id: Type.String({ description: 'The diagram: a UUID. Not a UUID: 400 invalid_parameter; unknown: 404.' }),
  version: VersionNumber,
});

export const RestoreHeaders = Type.Object({ ...IfMatchHeaders.properties, ...IdempotencyHeaders.properties });
