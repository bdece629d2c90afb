/**
 * Go's time.Parse for the two layouts the API's JSON uses: metav1.Time (time.RFC3339) and
 * metav1.MicroTime (RFC3339 with exactly six fractional digits). Only what a client can see is
 * reproduced: whether a value parses, and the time.ParseError text when it does not
 * (`parsing time "x" as "2006-01-02T15:04:05Z07:00": cannot parse "x" as "2006"`).
 */

export const rfc3339 = '2006-01-02T15:04:05Z07:00';
export const rfc3339Micro = '2006-01-02T15:04:05.000000Z07:00';

/** strconv.Quote for the ASCII-and-printable text time values are. */
const quote = (s: string) => JSON.stringify(s);

const isDigit = (s: string, i: number) => i < s.length && s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39;

const daysIn = (month: number, year: number) =>
  month === 2 ? ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];

/**
 * null when Go accepts `value` for the layout, else Go's error text. The layout is walked element
 * by element as time.Parse does, so the error names the same element Go names.
 */
export function goTimeParseError(value: string, layout: typeof rfc3339 | typeof rfc3339Micro): string | null {
  const bad = (rest: string, elem: string) => `parsing time ${quote(value)} as ${quote(layout)}: cannot parse ${quote(rest)} as ${quote(elem)}`;
  const outOfRange = (what: string) => `parsing time ${quote(value)}: ${what} out of range`;
  let rest = value;
  /** A fixed-width number (getnum with fixed=true), or 1-2 digits when fixed is false. */
  const num = (elem: string, width: number, fixed: boolean): number | string => {
    if (width === 4) {
      if (rest.length < 4 || ![0, 1, 2, 3].every((i) => isDigit(rest, i))) return bad(rest, elem);
      const n = Number(rest.slice(0, 4));
      rest = rest.slice(4);
      return n;
    }
    if (!isDigit(rest, 0)) return bad(rest, elem);
    if (!isDigit(rest, 1)) {
      if (fixed) return bad(rest, elem);
      const n = Number(rest[0]);
      rest = rest.slice(1);
      return n;
    }
    const n = Number(rest.slice(0, 2));
    rest = rest.slice(2);
    return n;
  };
  const lit = (s: string): string | null => {
    if (!rest.startsWith(s)) return bad(rest, s);
    rest = rest.slice(s.length);
    return null;
  };
  const steps: Array<() => string | number | null> = [];
  let year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  let range = '';
  steps.push(() => { const n = num('2006', 4, true); if (typeof n === 'string') return n; year = n; return null; });
  steps.push(() => lit('-'));
  steps.push(() => { const n = num('01', 2, true); if (typeof n === 'string') return n; month = n; if (month < 1 || month > 12) range ||= 'month'; return null; });
  steps.push(() => lit('-'));
  steps.push(() => { const n = num('02', 2, true); if (typeof n === 'string') return n; day = n; return null; });
  steps.push(() => lit('T'));
  steps.push(() => { const n = num('15', 2, false); if (typeof n === 'string') return n; hour = n; if (hour >= 24) range ||= 'hour'; return null; });
  steps.push(() => lit(':'));
  steps.push(() => { const n = num('04', 2, true); if (typeof n === 'string') return n; minute = n; if (minute >= 60) range ||= 'minute'; return null; });
  steps.push(() => lit(':'));
  steps.push(() => {
    const n = num('05', 2, true);
    if (typeof n === 'string') return n;
    second = n;
    if (second >= 60) range ||= 'second';
    if (layout === rfc3339Micro) {
      // The layout's ".000000" wants exactly six digits.
      if (!(rest[0] === '.' || rest[0] === ',') || ![1, 2, 3, 4, 5, 6].every((i) => isDigit(rest, i))) return bad(rest, '.000000');
      rest = rest.slice(7);
    } else if ((rest[0] === '.' || rest[0] === ',') && isDigit(rest, 1)) {
      // Parsing accepts fractional seconds the layout does not spell.
      let i = 2;
      while (isDigit(rest, i)) i++;
      rest = rest.slice(i);
    }
    return null;
  });
  steps.push(() => {
    if (rest[0] === 'Z') { rest = rest.slice(1); return null; }
    const ok = rest.length >= 6 && (rest[0] === '+' || rest[0] === '-') && rest[3] === ':' && [1, 2, 4, 5].every((i) => isDigit(rest, i));
    if (!ok) return bad(rest, 'Z07:00');
    const zh = Number(rest.slice(1, 3)), zm = Number(rest.slice(4, 6));
    if (zh > 24 || zm > 60) range ||= 'time zone offset';
    rest = rest.slice(6);
    return null;
  });
  for (const step of steps) {
    const err = step();
    if (typeof err === 'string') return err;
    if (range) return outOfRange(range);
  }
  if (rest !== '') return `parsing time ${quote(value)}: extra text: ${quote(rest)}`;
  if (day < 1 || day > daysIn(month, year)) return outOfRange('day');
  return null;
}
