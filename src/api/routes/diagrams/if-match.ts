// The version a write expects, from If-Match and/or a body's `version`: PATCH of a diagram, restore of a version.
import { InvalidRequestError } from '../../../errors.ts';

/** The version a write expects, from If-Match (`"3"`, `W/"3"` or `3`) and/or the body's `version`; null if neither. */
export function expectedVersion(ifMatch: string | undefined, bodyVersion: number | undefined): number | null {
  let fromHeader: number | null = null;
  if (ifMatch !== undefined) {
    const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(ifMatch);
    if (!match) throw new InvalidRequestError('invalid_parameter', 'If-Match must be the diagram version, e.g. "3".', 'If-Match');
    fromHeader = Number(match[1]);
  }
  if (fromHeader !== null && bodyVersion !== undefined && fromHeader !== bodyVersion) {
    throw new InvalidRequestError('invalid_parameter', 'If-Match and version disagree; send one of them.', 'version');
  }
  return fromHeader ?? bodyVersion ?? null;
}
