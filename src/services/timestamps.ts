// How every object the API or CLI returns writes a time.

/** Two-digit strings '00'–'99', so no field needs padding at run time. */
const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
/** 10000-01-01T00:00:00Z: from there on toISOString writes a six-digit year. */
const YEAR_10000_MS = 253_402_300_800_000;
const DAY_S = 86_400;

/** RFC 3339 UTC to the second, as the API shows timestamps (`2026-06-07T10:00:00Z`). */
export function rfc3339(ms: number): string {
  // A list page writes two per row: the calendar arithmetic below costs a tenth of a Date and toISOString.
  // Outside 1970–9999 (never in our data) the Date path gives the same text, or throws the same RangeError.
  if (!(ms >= 0 && ms < YEAR_10000_MS)) return `${new Date(ms).toISOString().slice(0, 19)}Z`;
  const seconds = Math.floor(ms / 1000);
  const days = Math.floor(seconds / DAY_S);
  const inDay = seconds - days * DAY_S;
  const hour = Math.floor(inDay / 3600);
  const minute = Math.floor((inDay - hour * 3600) / 60);
  const second = inDay - hour * 3600 - minute * 60;
  // Days since 1970-01-01 to a civil date (H. Hinnant, "chrono-compatible low-level date algorithms").
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const yyyy = year >= 1000 ? String(year) : String(year).padStart(4, '0');
  return `${yyyy}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}T${TWO_DIGITS[hour]}:${TWO_DIGITS[minute]}:${TWO_DIGITS[second]}Z`;
}
