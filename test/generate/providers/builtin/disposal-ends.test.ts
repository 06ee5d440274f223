// A thing done away with has no further steps: the way that throws it away, destroys, scraps or shreds it ends there,
// named for what became of it, instead of joining the work the other things go on to.
import { describe, expect, it } from 'vitest';
import { downstream, next, node, read } from './model-reading.ts';

describe('a way that disposes of the thing ends', () => {
  it.each([
    ['retail', 'The clerk checks the returned items. Expired items are thrown away. The clerk sorts the rest and stores them on the shelves.', 'Throw away items', 'Items thrown away', 'Sort items'],
    ['health', 'The lab technician inspects each sample. Contaminated samples are destroyed. The technician then labels the samples and files them.', 'Destroy samples', 'Samples destroyed', 'Label samples'],
    ['public administration', 'The records officer reviews each old file. If the retention period has passed, the file is shredded; otherwise the officer archives it.', 'Shred file', 'File shredded', 'Archive file'],
    ['manufacturing', 'The inspector checks each casting. If a casting is cracked, the inspector scraps it. Otherwise the casting is machined.', 'Scrap casting', 'Casting scrapped', 'Machine casting'],
  ])('%s', (_domain, text, disposal, end, other) => {
    const m = read(text);
    const after = next(m, node(m, disposal).id);
    expect(after.map((n) => [n.kind, n.label])).toEqual([['end', end]]);
    expect(downstream(m, node(m, disposal))).not.toContain(other);
  });

  it('education: "throws out" disposes too', () => {
    const m = read('The teacher reviews the printed worksheets. If a worksheet is misprinted, the teacher throws it out. The teacher hands out the rest.');
    expect(next(m, node(m, 'Throw out worksheet').id)[0]?.kind).toBe('end');
  });
});
