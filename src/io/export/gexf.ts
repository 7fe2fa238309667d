// Writes one year of a dataset as GEXF 1.3: places with lat/lon (and the same as viz positions,
// x = lon, y = lat) and kind/country attributes, flows as directed edges weighted by their volume.
// Reads back through importFiles to the same graph.
import type { Dataset, Flow } from "../../domain/types";
import { escapeXml } from "./xmlText";

const xml = escapeXml;

export function exportGexf(dataset: Dataset, year: number, flows: readonly Flow[] = dataset.flows): string {
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta><creator>Reroute</creator><description>${xml(`${dataset.name}, ${year}`)}</description></meta>`,
    '  <graph defaultedgetype="directed" mode="static">',
    '    <attributes class="node">',
    '      <attribute id="lat" title="lat" type="double"/>',
    '      <attribute id="lon" title="lon" type="double"/>',
    '      <attribute id="kind" title="kind" type="string"/>',
    '      <attribute id="country" title="country" type="string"/>',
    '      <attribute id="lane" title="lane" type="string"/>',
    '      <attribute id="native_name" title="native_name" type="string"/>',
    '      <attribute id="note" title="note" type="string"/>',
    "    </attributes>",
    '    <attributes class="edge">',
    '      <attribute id="year" title="year" type="integer"/>',
    '      <attribute id="usd" title="usd" type="double"/>',
    '      <attribute id="mode" title="mode" type="string"/>',
    '      <attribute id="basis" title="basis" type="string"/>',
    "    </attributes>",
    "    <nodes>",
  ];
  for (const place of dataset.places) {
    const values: [string, string][] = [
      ["kind", place.kind],
      ["country", place.country],
    ];
    if (place.lat !== null && place.lon !== null) values.unshift(["lat", String(place.lat)], ["lon", String(place.lon)]);
    if (place.lane !== "") values.push(["lane", place.lane]);
    if (place.nativeName !== "") values.push(["native_name", place.nativeName]);
    if (place.note !== "") values.push(["note", place.note]);
    lines.push(`      <node id="${xml(place.id)}" label="${xml(place.name)}">`);
    lines.push(`        <attvalues>${values.map(([k, v]) => `<attvalue for="${k}" value="${xml(v)}"/>`).join("")}</attvalues>`);
    if (place.lat !== null && place.lon !== null) lines.push(`        <viz:position x="${place.lon}" y="${place.lat}" z="0"/>`);
    lines.push("      </node>");
  }
  lines.push("    </nodes>", "    <edges>");
  flows
    .filter((flow) => flow.year === year)
    .forEach((flow, index) => {
      const values: [string, string][] = [
        ["year", String(flow.year)],
        ["mode", flow.mode],
        ["basis", flow.basis],
      ];
      if (flow.usd !== null) values.push(["usd", String(flow.usd)]);
      lines.push(
        `      <edge id="e${index}" source="${xml(flow.from)}" target="${xml(flow.to)}" weight="${flow.volume}"><attvalues>${values
          .map(([k, v]) => `<attvalue for="${k}" value="${xml(v)}"/>`)
          .join("")}</attvalues></edge>`,
      );
    });
  lines.push("    </edges>", "  </graph>", "</gexf>", "");
  return lines.join("\n");
}
