// UN Comtrade tables, legacy downloads ("Trade Flow", "Reporter ISO", "Trade Value (US$)") and the current
// API (flowCode, reporterISO, partnerISO, primaryValue). Exports are reporter → partner, imports
// partner → reporter; when both sides report one hop, the exporter's figure is kept (no double count).
import { unitFromQuantityUnits } from "../volumeUnitGuess";
import { COUNTRIES, lookupCountry } from "../../countries";
import { isAggregate, isAggregateCode } from "../aggregates";
import type { DatasetBuilder } from "../builder";
import { readDelimited } from "../delimited";
import { dotsGroupThousands, parseVolume } from "../numbers";
import { yearOf } from "../text";
import { headerKey } from "./edgeList";

const FLOW_COLUMNS = ["flowcode", "tradeflowcode", "flowdesc", "tradeflow", "rgdesc", "rgcode"];
const REPORTER_COLUMNS = ["reporteriso", "reporter", "reporterdesc", "reportercode", "reporteriso3"];

export function isComtradeTable(headers: readonly string[]): boolean {
  const keys = headers.map(headerKey);
  const hasPartner = keys.some((key) => key === "partner" || key === "partneriso" || key === "partnerdesc" || key === "partnercode");
  return hasPartner && (keys.some((key) => FLOW_COLUMNS.includes(key)) || keys.some((key) => REPORTER_COLUMNS.includes(key)));
}

export function hasReporterColumn(headers: readonly string[]): boolean {
  return headers.map(headerKey).some((key) => REPORTER_COLUMNS.includes(key));
}

/** Reporter candidates: countries named in the file names first, then every country. */
export function reporterCandidates(fileNames: readonly string[]): string[] {
  const named = new Set<string>();
  for (const name of fileNames) {
    for (const token of name.replace(/\.[a-z]+$/i, "").split(/[^A-Za-z]+/)) {
      if (token.length < 3) continue;
      const country = lookupCountry(token);
      if (country) named.add(country.name);
    }
  }
  return [
    ...named,
    ...COUNTRIES.map((c) => c.name)
      .filter((n) => !named.has(n))
      .sort(),
  ];
}

type Direction = "export" | "import" | "other";

function direction(raw: string): Direction {
  const value = raw.trim().toLowerCase();
  if (value === "x" || value === "2" || value === "export" || value === "exports") return "export";
  if (value === "m" || value === "1" || value === "import" || value === "imports") return "import";
  return "other";
}

interface Party {
  ref: string;
  name: string;
  iso2: string;
}

interface TableRow {
  file: string;
  line: number;
  from: Party;
  to: Party;
  year: number | null;
  volume: number;
  usd: number | null;
  dir: Direction;
  signature: string;
}

export function importComtrade(
  tables: { text: string; file: string; delimiter: string }[],
  builder: DatasetBuilder,
  reporterOverride: string | undefined,
): void {
  const rows: TableRow[] = [];
  let others = 0;
  let breakdowns = 0;
  let noQuantity = 0;
  let usingValue = false;
  const commodities = new Set<string>();
  for (const { text, file, delimiter } of tables) {
    const table = readDelimited(text, { file, delimiter });
    builder.issues.push(...table.issues);
    const keys = table.header.map(headerKey);
    const col = (...names: string[]): number => {
      for (const name of names) {
        const index = keys.indexOf(name);
        if (index >= 0) return index;
      }
      return -1;
    };
    const c = {
      year: col("refyear", "year", "period"),
      flow: col("flowcode", "tradeflowcode", "rgcode", "flowdesc", "tradeflow", "rgdesc"),
      reporterIso: col("reporteriso", "reporteriso3"),
      reporterName: col("reporterdesc", "reporter"),
      reporterCode: col("reportercode"),
      partnerIso: col("partneriso", "partneriso3"),
      partnerName: col("partnerdesc", "partner"),
      partnerCode: col("partnercode"),
      qty: col("qty", "quantity", "altqty"),
      qtyUnit: col("qtyunitabbr", "qtyunit", "qtyunitdesc", "quantityunit"),
      value: col("primaryvalue", "tradevalueus", "tradevalue", "fobvalue", "cifvalue", "value"),
      commodity: col("cmdcode", "commoditycode"),
      transport: col("motcode", "modeoftransportcode"),
      customs: col("customscode", "customsproccode"),
      partner2: col("partner2code", "2ndpartnercode"),
    };
    const cell = (fields: string[], index: number): string => (index < 0 ? "" : (fields[index] ?? "").trim());
    const decimalComma = delimiter === ";";
    // The measure is the quantity (units, e.g. vehicles) when the table has any; else the trade value.
    const hasQty =
      c.qty >= 0 &&
      table.data.some(({ fields }) => {
        const parsed = parseVolume(cell(fields, c.qty), decimalComma);
        return parsed.ok && parsed.value > 0;
      });
    if (!hasQty) usingValue = true;
    const volumeColumn = hasQty ? c.qty : c.value;
    builder.setUnit(
      hasQty ? (c.qtyUnit >= 0 ? unitFromQuantityUnits(table.data.map(({ fields }) => cell(fields, c.qtyUnit))) : "units") : "US$",
    );
    const thousandsIn = (column: number) =>
      decimalComma && column >= 0 && dotsGroupThousands(table.data.map(({ fields }) => cell(fields, column)));
    const dotsAreThousands = { volume: thousandsIn(volumeColumn), value: thousandsIn(c.value) };
    if (volumeColumn < 0) {
      builder.error(file, table.headerLine, 0, `${file}: the table has neither a quantity (qty) nor a trade value column`);
      continue;
    }
    const override = reporterOverride !== undefined ? lookupCountry(reporterOverride) : undefined;
    const party = (iso: string, name: string, code: string): Party | "aggregate" | null => {
      if ((code !== "" && isAggregateCode(code)) || (iso !== "" && isAggregate(iso)) || (name !== "" && isAggregate(name)))
        return "aggregate";
      const country = lookupCountry(iso) ?? lookupCountry(name) ?? lookupCountry(code);
      if (country) return { ref: country.iso3, name: name || country.name, iso2: country.iso2 };
      const ref = iso || name || code;
      return ref === "" ? null : { ref, name: name || ref, iso2: "" };
    };
    // Totals and their breakdowns in one table (TOTAL and chapter 87, or 87 and 8703; all modes of transport
    // and each mode): only the totals are kept, or every hop would be counted twice.
    const keep = {
      commodity: broadestCodes(table.data.map(({ fields }) => cell(fields, c.commodity))),
      transport: totalCode(
        table.data.map(({ fields }) => cell(fields, c.transport)),
        ["0", "00", "TOTAL"],
      ),
      customs: totalCode(
        table.data.map(({ fields }) => cell(fields, c.customs)),
        ["C00", "TOTAL"],
      ),
      partner2: totalCode(
        table.data.map(({ fields }) => cell(fields, c.partner2)),
        ["0", "00", "000", "W00"],
      ),
    };
    for (const { fields, line } of table.data) {
      if (
        (keep.commodity !== null && !keep.commodity.has(cell(fields, c.commodity))) ||
        (keep.transport !== null && cell(fields, c.transport) !== keep.transport) ||
        (keep.customs !== null && cell(fields, c.customs) !== keep.customs) ||
        (keep.partner2 !== null && cell(fields, c.partner2) !== keep.partner2)
      ) {
        breakdowns++;
        continue;
      }
      const dir = c.flow >= 0 ? direction(cell(fields, c.flow)) : "export";
      if (dir === "other") {
        others++;
        continue;
      }
      const reporter =
        c.reporterIso >= 0 || c.reporterName >= 0 || c.reporterCode >= 0
          ? party(cell(fields, c.reporterIso), cell(fields, c.reporterName), cell(fields, c.reporterCode))
          : override
            ? { ref: override.iso3, name: override.name, iso2: override.iso2 }
            : reporterOverride !== undefined && reporterOverride.trim() !== ""
              ? { ref: reporterOverride.trim(), name: reporterOverride.trim(), iso2: "" }
              : null;
      const partner = party(cell(fields, c.partnerIso), cell(fields, c.partnerName), cell(fields, c.partnerCode));
      if (reporter === null) {
        builder.reject(file, line, (c.reporterIso >= 0 ? c.reporterIso : c.reporterName) + 1, "the reporter is empty");
        continue;
      }
      if (partner === null) {
        builder.reject(file, line, (c.partnerIso >= 0 ? c.partnerIso : c.partnerName) + 1, "the partner is empty");
        continue;
      }
      if (reporter === "aggregate" || partner === "aggregate") {
        const name =
          reporter === "aggregate"
            ? cell(fields, c.reporterName) || cell(fields, c.reporterIso)
            : cell(fields, c.partnerName) || cell(fields, c.partnerIso) || cell(fields, c.partnerCode);
        builder.aggregateRow(name || "World");
        continue;
      }
      const parsed = parseVolume(cell(fields, volumeColumn), decimalComma, dotsAreThousands.volume);
      if (!parsed.ok) {
        builder.reject(file, line, volumeColumn + 1, parsed.problem);
        continue;
      }
      if (parsed.note) builder.note(parsed.note);
      let year: number | null = null;
      if (c.year >= 0) {
        const found = yearOf(cell(fields, c.year));
        if (found === null) {
          builder.reject(file, line, c.year + 1, `"${cell(fields, c.year)}" is not a year between 1900 and 2100`);
          continue;
        }
        year = found;
      }
      const usdParsed =
        c.value >= 0 && volumeColumn !== c.value ? parseVolume(cell(fields, c.value), decimalComma, dotsAreThousands.value) : null;
      const usd = volumeColumn === c.value ? parsed.value : usdParsed?.ok ? usdParsed.value : null;
      if (c.commodity >= 0) commodities.add(cell(fields, c.commodity));
      if (volumeColumn === c.qty && parsed.value === 0 && usd !== null && usd > 0) noQuantity++;
      const [from, to] = dir === "export" ? [reporter, partner] : [partner, reporter];
      rows.push({ file, line, from, to, year, volume: parsed.value, usd, dir, signature: fields.join("\u0001") });
    }
  }

  const exported = new Set(
    rows.filter((row) => row.dir === "export").map((row) => `${row.from.ref}\u0000${row.to.ref}\u0000${row.year ?? ""}`),
  );
  let mirrors = 0;
  for (const row of rows) {
    if (row.dir === "import" && exported.has(`${row.from.ref}\u0000${row.to.ref}\u0000${row.year ?? ""}`)) {
      mirrors++;
      continue;
    }
    const accepted = builder.flow({
      from: row.from.ref,
      to: row.to.ref,
      year: row.year,
      volume: row.volume,
      usd: row.usd,
      file: row.file,
      line: row.line,
      signature: row.signature,
    });
    if (!accepted) continue;
    builder.describePlace(row.from.ref, { name: row.from.name, country: row.from.iso2 });
    builder.describePlace(row.to.ref, { name: row.to.name, country: row.to.iso2 });
  }
  if (usingValue) builder.fixed.push("no quantities in the table: volumes are trade values in US$");
  if (mirrors > 0)
    builder.fixed.push(
      `${mirrors} import row${mirrors === 1 ? "" : "s"} mirroring a reported export left out (the exporter's figure is kept)`,
    );
  if (others > 0)
    builder.fixed.push(`${others} re-export/re-import row${others === 1 ? "" : "s"} left out (only exports and imports are drawn)`);
  if (commodities.size > 1) builder.fixed.push(`${commodities.size} commodity codes summed per pair`);
  if (breakdowns > 0) {
    builder.fixed.push(
      `${breakdowns} breakdown row${breakdowns === 1 ? "" : "s"} left out (finer commodity codes, single modes of transport, customs procedures or second partners, beside their totals): only the totals are used, so nothing is counted twice`,
    );
  }
  if (noQuantity > 0) {
    builder.fixed.push(
      `${noQuantity} row${noQuantity === 1 ? " has" : "s have"} a trade value but a quantity of 0 (not reported): kept with volume 0`,
    );
  }
}

/**
 * The commodity codes to keep when a table holds several levels (TOTAL, 87, 8703): those no other code in
 * the table contains (TOTAL contains every code; "87" contains "8703"). Null when there is nothing to drop.
 */
export function broadestCodes(codes: readonly string[]): Set<string> | null {
  const present = new Set(codes.filter((code) => code !== ""));
  if (present.size < 2) return null;
  const isTotal = (code: string) => /^(total|all|ag0|tot)$/i.test(code);
  const hasTotal = [...present].some(isTotal);
  const keep = new Set(
    [...present].filter((code) => (hasTotal ? isTotal(code) : ![...present].some((other) => other !== code && code.startsWith(other)))),
  );
  return keep.size === present.size ? null : keep;
}

/** The total's code of a breakdown column (mode of transport, customs procedure, second partner) when the table holds it beside other codes; else null. */
export function totalCode(codes: readonly string[], totals: readonly string[]): string | null {
  const present = new Set(codes.filter((code) => code !== ""));
  if (present.size < 2) return null;
  const total =
    totals.find((code) => present.has(code)) ?? [...present].find((code) => totals.some((t) => t.toLowerCase() === code.toLowerCase()));
  return total ?? null;
}
