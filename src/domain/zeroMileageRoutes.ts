// The routes of the zero-mileage model: which lanes, exits, sea ports, suppliers and onward markets
// share each year's national used-car exports, and which assumptions.csv row sets each share.
// Only routes a source reports are here (data/README.md): no China–Kyrgyzstan railway ran before 2025
// (RL1), so Chengdu's rail charters run via Kazakhstan (R3); no used-car flow enters Latin America,
// whose countries bar used-vehicle imports (LA1, LA2, LA5, LA6).
import { declared, rest, type ShareGroup } from "./shareGroups";

/** Id of the national aggregate origin (places.csv). */
export const NATIONAL_PLACE = "china";
/** Where flows of years without any routing go. */
export const NOT_REPORTED_PLACE = "not-reported";

export interface NationalTotal {
  year: number;
  vehicles: number;
  facts: readonly string[];
}

/** China's used-car exports by year (MOFCOM/CADA); the same figures are the national rows of context.csv. */
export const NATIONAL_USED_CAR_EXPORTS: readonly NationalTotal[] = [
  { year: 2019, vehicles: 3000, facts: ["U1"] },
  { year: 2020, vehicles: 4300, facts: ["U2"] },
  { year: 2021, vehicles: 15000, facts: ["U3"] },
  { year: 2022, vehicles: 69000, facts: ["U4"] },
  { year: 2023, vehicles: 275000, facts: ["U5"] },
  { year: 2024, vehicles: 436000, facts: ["U7"] },
];

/** Years whose national total is routed through the modelled lanes; the others are shown unrouted. */
export const ROUTED_YEARS: readonly number[] = [2023, 2024];

/** Lane keys of the national split; "other" (the rest) goes to "Other destinations". */
export function laneGroup(year: number): ShareGroup {
  return {
    id: `lane.${year}`,
    members: [
      declared("central-asia", `lane.central-asia.${year}`),
      declared("middle-east", `lane.middle-east.${year}`),
      declared("russia-direct", `lane.russia-direct.${year}`),
      declared("caucasus", `lane.caucasus.${year}`),
      rest("other", `share of ${year} used-car exports to other destinations`, ["U16"]),
    ],
  };
}

/** Central Asia lane: land exits; Alashankou takes the rest. */
export function centralAsiaGroup(year: number): ShareGroup {
  return {
    id: `ca.${year}`,
    members: [
      declared("horgos", `ca.horgos.${year}`),
      declared("torugart", `ca.torugart.${year}`),
      declared("irkeshtam", `ca.irkeshtam.${year}`),
      declared("chengdu-rail", `ca.chengdu-rail.${year}`),
      rest("alashankou", `Alashankou share of the ${year} Central Asia lane`, ["X5"]),
    ],
  };
}

/** Each land exit and the first foreign node it leads to, with the mode the facts give. */
export const LAND_EXITS: readonly { exit: string; to: string; mode: string; note?: string }[] = [
  { exit: "horgos", to: "kz", mode: "road" }, // X4: self-driven across to Zharkent
  { exit: "torugart", to: "kg", mode: "road" },
  { exit: "irkeshtam", to: "kg", mode: "road" },
  {
    exit: "chengdu-rail",
    to: "kz",
    mode: "rail",
    note: "Modelled volume on a reported route: Chengdu's charters are China-Europe Railway Express trains (R3), which run via Kazakhstan; no China–Kyrgyzstan railway ran before 2025 (RL1).",
  },
  { exit: "alashankou", to: "kz", mode: "unknown" },
];

export const SEA_PORT_GROUP: ShareGroup = {
  id: "sea",
  members: [
    declared("tianjin-port", "sea.tianjin-port"),
    declared("nansha", "sea.nansha"),
    rest("other-seaports", "other sea ports' share of used cars leaving by sea", ["R9", "X15"]),
  ],
};

/** Destinations within each sea lane; "other" and "russia-direct" go to one place each. */
export function seaLaneGroups(year: number): Readonly<Record<string, ShareGroup>> {
  return {
    "middle-east": {
      id: `me.${year}`,
      members: [
        declared("ae", "me.ae"),
        declared("jo", `me.jo.${year}`),
        declared("iq", "me.iq"),
        rest("sa", "Saudi Arabia share of the Middle East lane", ["D14", "D15"]),
      ],
    },
    "russia-direct": { id: "ru-direct", members: [rest("ru", "Russia, the lane's one destination,", ["P2"])] },
    caucasus: { id: "cau", members: [declared("ge", "cau.ge"), rest("am", "Armenia share of the Caucasus lane", ["K10"])] },
    other: { id: "other", members: [rest("other-destinations", "")] },
  };
}
export const SEA_LANES = ["middle-east", "russia-direct", "caucasus", "other"] as const;

/** Origin mix of each exit: who supplies the used cars that leave through it. */
export const LAND_SUPPLY_GROUP: ShareGroup = {
  id: "land",
  members: [
    declared("xinjiang", "land.xinjiang"),
    declared("sichuan", "land.sichuan"),
    declared("chongqing", "land.chongqing"),
    declared("zhejiang", "land.zhejiang"),
    declared("guangdong", "land.guangdong"),
    rest("other-provinces", "Other provinces' share of the used cars supplied to the Xinjiang land ports"),
  ],
};
export const OTHER_SEAPORT_SUPPLY_GROUP: ShareGroup = {
  id: "seaport",
  members: [
    declared("zhejiang", "seaport.zhejiang"),
    declared("jiangsu", "seaport.jiangsu"),
    declared("chongqing", "seaport.chongqing"),
    rest("other-provinces", "Other provinces' share of the used cars leaving other sea ports"),
  ],
};
/** Exits the facts tie to one province: the whole throughput comes from it. */
export const SINGLE_SUPPLIER: Readonly<Record<string, { origin: string; label: string; facts: readonly string[] }>> = {
  "chengdu-rail": {
    origin: "sichuan",
    label: "Sichuan share of Chengdu rail port supply 1 [fixed: Chengdu is in Sichuan, R3]",
    facts: ["R3"],
  },
  "tianjin-port": { origin: "tianjin", label: "Tianjin share of Tianjin port supply 1 [fixed: R4]", facts: ["R4"] },
  nansha: { origin: "guangdong", label: "Guangdong share of Nansha supply 1 [fixed: P2, R10]", facts: ["P2", "R10"] },
};

/** Re-exports from transit nodes: shares of the node's inflow; the rest is absorbed there. */
export const ONWARD_GROUPS: readonly { node: string; name: string; group: ShareGroup }[] = [
  { node: "kz", name: "Kazakhstan", group: { id: "kz", members: [declared("ru", "kz.ru"), declared("uz", "kz.uz"), rest("", "")] } },
  {
    node: "kg",
    name: "Kyrgyzstan",
    group: { id: "kg", members: [declared("ru", "kg.ru"), declared("uz", "kg.uz"), declared("tj", "kg.tj"), rest("", "")] },
  },
  {
    node: "ae",
    name: "the UAE",
    group: { id: "ae", members: [declared("ru", "ae.ru"), declared("iq", "ae.iq"), declared("ir", "ae.ir"), rest("", "")] },
  },
  { node: "jo", name: "Jordan", group: { id: "jo", members: [declared("iq", "jo.iq"), declared("sy", "jo.sy"), rest("", "")] } },
  { node: "am", name: "Armenia", group: { id: "am", members: [declared("ru", "am.ru"), rest("", "")] } },
];

/** Every assumption id the model reads. */
export function modelAssumptionIds(): string[] {
  const groups: ShareGroup[] = [
    ...ROUTED_YEARS.flatMap((year) => [laneGroup(year), centralAsiaGroup(year), ...Object.values(seaLaneGroups(year))]),
    SEA_PORT_GROUP,
    LAND_SUPPLY_GROUP,
    OTHER_SEAPORT_SUPPLY_GROUP,
    ...ONWARD_GROUPS.map((onward) => onward.group),
  ];
  return [
    ...new Set(groups.flatMap((group) => group.members.flatMap((member) => (member.assumption === null ? [] : [member.assumption])))),
  ];
}
