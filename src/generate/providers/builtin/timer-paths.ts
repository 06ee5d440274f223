// Timer paths that go on with the work: a missed deadline whose path only does the late step another way ("If nobody
// reviews it in time, the team lead reviews it", "the buyer chooses another supplier") or charges for the lateness
// ("If it is late, the shipper pays a fee") rejoins the work after it instead of ending the process.

// What lateness costs: the thing a "pay / charge / owe a …" step on a timer's path names.
const PENALTIES = /^(fee|fees|penalty|penalties|fine|fines|surcharge|surcharges|charge|charges|compensation|interest)$/;
const CHARGING = new Set(['pay', 'charge', 'owe', 'levy', 'impose', 'invoice', 'bill', 'add', 'deduct']);

/** Whether a timer's path, ending in `last`, stands in for the timed step `host` so the work goes on after it. */
export function goesOnAfterTimer(host: string, last: string): boolean {
  const [verb = '', ...thing] = last.toLowerCase().split(' ');
  if (verb === host.toLowerCase().split(' ')[0]) return true;
  return CHARGING.has(verb) && thing.some((w) => PENALTIES.test(w));
}

/** "chooses another supplier", "books a different courier", "uses a backup carrier": the work got elsewhere. */
export const ELSEWHERE = / (another|other|alternative|different|backup) \w+| instead /;

// A thing coming in: "bids must arrive", "the forms are returned", "objections can be filed".
const COMING_IN = new Set(['arrive', 'come', 'reach']);
const HANDED_IN = new Set(['submit', 'file', 'lodge', 'hand', 'return', 'receive', 'upload', 'raise']);

/**
 * "Bids must arrive by the 15th", "Objections can be filed within 4 weeks", "Payment is due within 30 days": a
 * thing that is to come in by a deadline, with no one named who sends it or gets it, is waited for on the receiving side.
 */
export function comesInBy(verb: string, passive: boolean, copula: boolean, due: boolean, named: boolean): boolean {
  if (named) return false;
  return (copula && due) || (!passive && COMING_IN.has(verb)) || (passive && HANDED_IN.has(verb));
}
