// Schemas of the version routes: the diagram_version and diagram_compare objects, the `{id}/versions/{version}` path,
// compare queries.
import { Type } from 'typebox';
import { IdempotencyHeaders, ListSchema, PageQuerySchema, Timestamp, Uuid } from '../../schemas.ts';
import { DiagramSchema, IfMatchHeaders, ImageQuery } from '../diagrams/schemas.ts';

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

const CompareEntry = Type.Object({
  id: Type.String({ description: 'The element id, the key the two versions are matched by.' }),
  type: Type.String({ examples: ['bpmn:Task'] }),
  name: Type.Union([Type.String(), Type.Null()]),
});

export const DiagramCompareSchema = Type.Object(
  {
    object: Type.Literal('diagram_compare'),
    diagram_id: Uuid,
    from: VersionNumber,
    to: VersionNumber,
    added: Type.Array(CompareEntry, { description: 'Elements of `to` that `from` does not have.' }),
    removed: Type.Array(CompareEntry, { description: 'Elements of `from` that `to` does not have.' }),
    changed: Type.Array(
      Type.Object({
        ...CompareEntry.properties,
        attributes: Type.Record(Type.String(), Type.Array(Type.Unknown(), { minItems: 2, maxItems: 2 }), {
          description: 'Each changed attribute as [old, new]; null where the attribute is absent.',
        }),
      }),
    ),
    layout_changed: Type.Array(CompareEntry, { description: 'Elements in both whose drawing (bounds, waypoints, label) moved.' }),
  },
  { title: 'DiagramCompare' },
);

const CompareVersions = {
  from: VersionNumber,
  to: Type.Optional({ ...VersionNumber, description: 'The version compared against `from`; the current version when left out.' }),
};

export const CompareQuery = Type.Object(CompareVersions);

export const CompareImageQuery = Type.Object({ ...CompareVersions, ...ImageQuery.properties });
