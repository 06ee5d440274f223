// Schemas of GET /key: the calling key, its owner, plan and current usage.
import { Type } from 'typebox';
import { SCOPES } from '../../../services/auth-types.ts';

const Timestamp = Type.String({ format: 'date-time' });

export const ApiKeySchema = Type.Object(
  {
    object: Type.Literal('api_key'),
    id: Type.String(),
    name: Type.String(),
    mode: Type.Union([Type.Literal('live'), Type.Literal('test')]),
    livemode: Type.Boolean(),
    scopes: Type.Array(Type.Enum(SCOPES)),
    owner: Type.Object({
      type: Type.Union([Type.Literal('user'), Type.Literal('organization')]),
      id: Type.String(),
    }),
    created_by: Type.String({ description: 'The user who created the key.' }),
    plan: Type.Enum(['free', 'pro', 'team']),
    created_at: Timestamp,
    expires_at: Type.Union([Timestamp, Type.Null()]),
    last_used_at: Type.Union([Timestamp, Type.Null()]),
    usage: Type.Object({
      burst: Type.Object({
        limit: Type.Integer(),
        remaining: Type.Integer(),
        reset: Type.Integer({ description: 'Seconds until a request slot frees.' }),
      }),
      generation_quota: Type.Object({
        limit: Type.Integer(),
        used: Type.Integer(),
        remaining: Type.Integer(),
        window_days: Type.Integer(),
        reset: Type.Union([Type.Integer(), Type.Null()], {
          description: 'Seconds until the oldest counted generation leaves the window; null when none counts.',
        }),
      }),
    }),
  },
  { title: 'ApiKey' },
);
