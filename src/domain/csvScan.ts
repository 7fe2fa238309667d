// The comma-separated reader for text whose quoting papaparse would read without a complaint (nearly
// every file): the same rows and fields as papaparse, as ranges of the text, with no string or array made
// per cell or row. csvTable's streamCsvTable sends any other text to papaparse, which says what is wrong.
import type { CsvFieldsRow } from "./csvTable";

/** Whether a UTF-16 code unit is white space to String.prototype.trim (WhiteSpace and LineTerminator). */
export function isTrimmedSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 0xa0 && isWideSpace(c));
}

function isWideSpace(c: number): boolean {
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

const QUOTE = 34;
const COMMA = 44;
const NEWLINE = 10;

/**
 * Whether every quoted field of a comma-separated text is closed and followed by a comma, a line break or
 * the end: the quoting papaparse reads without a complaint, and the only one scanCsv is used for (a quote
 * inside an unquoted field is a character like any other, to both).
 */
export function regularQuoting(text: string): boolean {
  const n = text.length;
  for (let q = text.indexOf('"'); q >= 0;) {
    const before = q === 0 ? NEWLINE : text.charCodeAt(q - 1);
    if (before !== COMMA && before !== NEWLINE) {
      q = text.indexOf('"', q + 1);
      continue;
    }
    let close = q + 1;
    for (;;) {
      close = text.indexOf('"', close);
      if (close < 0) return false;
      if (close + 1 < n && text.charCodeAt(close + 1) === QUOTE) close += 2;
      else break;
    }
    const after = close + 1 === n ? NEWLINE : text.charCodeAt(close + 1);
    if (after !== COMMA && after !== NEWLINE) return false;
    q = text.indexOf('"', close + 1);
  }
  return true;
}

/**
 * Reads a comma-separated text with regular quoting (see regularQuoting) row by row into `row`, as papaparse
 * reads it (the same fields, a row starting after each line break) but with no string or array per cell or
 * row; `onRow` returns false to stop. A line break ending the text starts no row.
 */
export function scanCsv(text: string, row: CsvFieldsRow, onRow: (row: CsvFieldsRow) => boolean): void {
  const n = text.length;
  let pos = 0;
  while (pos < n) {
    row.reset(pos);
    for (;;) {
      let c = text.charCodeAt(pos);
      if (c === QUOTE) {
        let close = pos + 1;
        let escaped = false;
        for (;;) {
          close = text.indexOf('"', close);
          if (close < 0) throw new Error("scanCsv: a quoted field is never closed (check regularQuoting first)");
          if (close + 1 < n && text.charCodeAt(close + 1) === QUOTE) {
            close += 2;
            escaped = true;
          } else break;
        }
        if (escaped) {
          const value = text.substring(pos + 1, close).replace(/""/g, '"');
          row.push(value, 0, value.length);
        } else row.push(text, pos + 1, close);
        pos = close + 1;
        c = pos < n ? text.charCodeAt(pos) : NEWLINE;
      } else {
        const start = pos;
        while (c !== COMMA && c !== NEWLINE && pos < n) c = text.charCodeAt(++pos);
        row.push(text, start, pos);
      }
      pos++;
      // After a comma, the next field; after a line break or at the end, the next row.
      if (c !== COMMA || pos > n) break;
    }
    if (!onRow(row)) return;
  }
}
