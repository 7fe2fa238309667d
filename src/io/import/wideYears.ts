// Wide tables: one column per year ("2010, 2011, …", as World Bank, Eurostat and Census exports come) or per
// month ("2020-01, 2020-02, …"). Their headers are the time axis; the table is read long (one flow per
// row and year). Other numeric columns (averages, ranks, growth rates, shares) are attributes, not volumes.

export interface YearColumn {
  header: string;
  /** 0-based column index. */
  index: number;
  year: number;
  /** 1..12 for a year-month header, else null. */
  month: number | null;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * The year (and month) a header names, or null: "2010", "X2010" (R's read.csv prefixes names that start
 * with a digit), "Y2010", "yr_2010", "FY2010", "2010.0", "2010-01", "2010M01", "X2010.01", "Jan 2010", "2010 Jan".
 */
export function yearOfHeader(header: string): { year: number; month: number | null } | null {
  const text = header.trim().replace(/^"|"$/g, "");
  const inRange = (year: number) => year >= 1900 && year <= 2100;
  const plain = /^(?:x|y|yr|year|fy)?[ _.-]?(\d{4})(?:\.0)?$/i.exec(text);
  if (plain) {
    const year = Number(plain[1]);
    return inRange(year) ? { year, month: null } : null;
  }
  const numericMonth = /^x?(\d{4})(?:[-_./ ]|m)(\d{1,2})$/i.exec(text);
  if (numericMonth) {
    const year = Number(numericMonth[1]);
    const month = Number(numericMonth[2]);
    return inRange(year) && month >= 1 && month <= 12 ? { year, month } : null;
  }
  const named = /^([a-z]{3})[a-z]*[ _.-]?(\d{4})$|^(\d{4})[ _.-]?([a-z]{3})[a-z]*$/i.exec(text);
  if (named) {
    const month = MONTHS.indexOf((named[1] ?? named[4] ?? "").toLowerCase()) + 1;
    const year = Number(named[2] ?? named[3]);
    return month > 0 && inRange(year) ? { year, month } : null;
  }
  return null;
}

/** The headers that name years or year-months; fewer than two is not a wide table (an empty list). */
export function yearColumns(headers: readonly string[]): YearColumn[] {
  const found: YearColumn[] = [];
  headers.forEach((header, index) => {
    const when = yearOfHeader(header);
    if (when) found.push({ header, index, ...when });
  });
  return found.length >= 2 ? found : [];
}

/** In words, for the mapping step and the summary: "5 year columns: 2010–2014 → years". */
export function describeYearColumns(columns: readonly YearColumn[]): string {
  if (columns.length === 0) return "";
  const years = [...new Set(columns.map((c) => c.year))].sort((a, b) => a - b);
  const span = years.length === 1 ? `${years[0]}` : `${years[0]}–${years[years.length - 1]}`;
  const months = columns.some((c) => c.month !== null);
  return months
    ? `${columns.length} month columns: ${columns[0]?.header}–${columns[columns.length - 1]?.header} → years ${span} (months summed)`
    : `${columns.length} year columns: ${span} → years`;
}

/** Cells that mean "no value" in the tools tables come from: R's NA, Excel's #N/A, Eurostat's ":", "..". */
export function isMissingCell(cell: string): boolean {
  return /^(|na|n\/a|nan|null|none|#n\/a|\.\.|:|-|–|—|x)$/i.test(cell.trim());
}

/**
 * Columns (other than `exclude`) whose sampled cells are mostly numbers: what a wide table offers beside its
 * years ("Average", "Rank", "Growth"). They are attributes: never summed as volumes unless chosen.
 */
export function numericColumns(headers: readonly string[], sample: readonly string[][], exclude: ReadonlySet<number>): string[] {
  const out: string[] = [];
  headers.forEach((header, index) => {
    if (exclude.has(index) || header.trim() === "") return;
    let numbers = 0;
    let filled = 0;
    for (const row of sample) {
      const cell = (row[index] ?? "").trim();
      if (isMissingCell(cell)) continue;
      filled++;
      if (/^[+-]?(\d[\d,\s]*(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?$/.test(cell)) numbers++;
    }
    if (filled > 0 && numbers / filled >= 0.8) out.push(header);
  });
  return out;
}
