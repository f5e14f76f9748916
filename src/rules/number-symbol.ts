import type { Rule } from './rule.js';

/** "2417/SNV-CCHC", "Số: 2417/SNV-CCHC", "số 18/BC-ĐKT": a number and its symbol written in one field. */
const NUMBER_AND_SYMBOL = /^\s*(?:số\s*:?\s*)?(\d+)\s*\/\s*(\S.*?)\s*$/iu;

/**
 * ND30 "Số, ký hiệu": the number and the symbol are two fields; cchc prints "Số: 2417/SNV-CCHC" from them. Written
 * together in `number`, the contract would only say "not a number"; this says how to split it. It stands in for
 * the contract's messages at the number and symbol fields (`replaces`), so the clerk reads one message, not two.
 */
export const numberSymbol: Rule = {
  id: 'number-symbol',
  severity: 'error',
  doc: 'Số và ký hiệu viết riêng: number: 2417 và symbol: SNV-CCHC, không viết number: 2417/SNV-CCHC',
  replaces: (path) => [path, [...path.slice(0, -1), 'symbol']],
  check(letter, report) {
    const check = (at: (string | number)[], v: unknown, symbol: unknown) => {
      const m = typeof v === 'string' ? NUMBER_AND_SYMBOL.exec(v) : null;
      if (!m) return;
      const has = typeof symbol === 'string' && symbol !== m[2] ? ` (symbol đang là "${symbol}")` : '';
      report([...at, 'number'], `số và ký hiệu viết chung một trường: ký hiệu viết ở trường symbol; nên viết number: ${m[1]} và symbol: ${m[2]}${has}`);
    };
    check([], letter.number, letter.symbol);
    check(['inspection', 'report'], letter.inspection?.report?.number, letter.inspection?.report?.symbol);
    check(['inspection', 'notice'], letter.inspection?.notice?.number, letter.inspection?.notice?.symbol);
  },
};
