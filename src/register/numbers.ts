import type { Letter } from '../schema/letter.js';
import { keyText, letterYear, type RegisterKey } from './row.js';

/** `--number-from`: a first number, or `auto` (after the register's highest number of the letter's year). */
export type NumberFrom = number | 'auto';

export interface Numbered {
  /** Each letter's number: its own, or the one given here; undefined when it has none and none was asked for. */
  numbers: (number | undefined)[];
  /** Letters already in the register (same number, symbol and year): rendered, but not registered again. */
  registered: boolean[];
  /** Letters of this run that share a number, symbol and year with an earlier one: index of the earlier one. */
  twins: (number | undefined)[];
}

/**
 * Numbers the letters that have none, in the order they are listed: from N on, or after the highest number the
 * register holds for the letter's year (and the numbers the run's own letters carry, so none is given twice).
 * Letters that have a number keep it.
 */
export function planNumbers(letters: readonly Pick<Letter, 'number' | 'symbol' | 'date'>[], from: NumberFrom | undefined, register: readonly RegisterKey[], today: Date): Numbered {
  const years = letters.map((l) => letterYear(l, today));
  const highest = new Map<number, number>();
  const raise = (year: number, n: number) => highest.set(year, Math.max(highest.get(year) ?? 0, n));
  for (const k of register) raise(k.year, k.number);
  letters.forEach((l, i) => { if (l.number !== undefined) raise(years[i]!, Number(l.number)); });
  let next = typeof from === 'number' ? from : 0;
  const numbers = letters.map((l, i) => {
    if (l.number !== undefined) return Number(l.number);
    if (from === undefined) return undefined;
    if (from === 'auto') { const n = (highest.get(years[i]!) ?? 0) + 1; highest.set(years[i]!, n); return n; }
    return next++;
  });
  const inRegister = new Set(register.map(keyText));
  const seen = new Map<string, number>();
  const registered: boolean[] = [];
  const twins: (number | undefined)[] = [];
  letters.forEach((l, i) => {
    const n = numbers[i];
    const key = n === undefined ? undefined : keyText({ number: n, symbol: l.symbol, year: years[i]! });
    registered.push(key !== undefined && inRegister.has(key));
    twins.push(key === undefined ? undefined : seen.get(key));
    if (key !== undefined && !seen.has(key)) seen.set(key, i);
  });
  return { numbers, registered, twins };
}
