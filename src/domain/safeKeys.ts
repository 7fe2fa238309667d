// Ids from files are data, never keys of plain objects. graphology keeps a node's neighbours in plain objects
// (adj[key]), sigma loops over plain objects with for…in, and lookup tables are object literals: a place,
// lane or attribute called "__proto__", "constructor" or "toString" would reach Object.prototype or read an
// inherited function. This module names those words and gives the safe forms used at each boundary.

import { flowId, type Dataset } from "./types";

/** Names that mean something on every plain object: Object.prototype's own properties, plus "prototype". */
export const RESERVED_KEYS: ReadonlySet<string> = new Set([
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "toLocaleString",
  "valueOf",
  "hasOwnProperty",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "__defineGetter__",
  "__defineSetter__",
  "__lookupGetter__",
  "__lookupSetter__",
]);

export function isReservedKey(key: string): boolean {
  return RESERVED_KEYS.has(key);
}

/** The prefix that makes a reserved word (or a word that already starts with it) a harmless key. */
export const SAFE_KEY_PREFIX = "id-";

/**
 * A place id that is never a reserved word: "__proto__" becomes "id-__proto__". Ids that already start with
 * the prefix are left alone (the caller makes ids unique), so the mapping never changes an ordinary id.
 */
export function safePlaceId(id: string): string {
  return isReservedKey(id) ? `${SAFE_KEY_PREFIX}${id}` : id;
}

/** A plain record without a prototype: `dict()["constructor"]` is undefined and `__proto__` is an own key. */
export function dict<T>(entries?: Iterable<readonly [string, T]>): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  if (entries) for (const [key, value] of entries) out[key] = value;
  return out;
}

/** A copy of an object's own enumerable properties into a null-prototype record. */
export function toDict(value: object): Record<string, unknown> {
  return dict(Object.entries(value));
}

/** record[key] only when the record holds the key itself (never an inherited function). */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** A reversible escape for names handed to third-party parsers that key plain objects by them. */
const ESCAPE = "\u2060safe:";

export function escapeKey(key: string): string {
  return isReservedKey(key) || key.startsWith(ESCAPE) ? `${ESCAPE}${key}` : key;
}

export function unescapeKey(key: string): string {
  return key.startsWith(ESCAPE) ? key.slice(ESCAPE.length) : key;
}

/**
 * The dataset with every reserved place id renamed (safePlaceId, made unique) in places, flows (ends and ids)
 * and context figures; the same object when no id needed renaming. Names are untouched: "__proto__" is still
 * shown as "__proto__".
 */
export function withSafePlaceIds(dataset: Dataset): Dataset {
  if (!dataset.places.some((place) => isReservedKey(place.id))) return dataset;
  const taken = new Set(dataset.places.map((place) => place.id));
  const renamed = new Map<string, string>();
  for (const place of dataset.places) {
    if (!isReservedKey(place.id)) continue;
    const base = safePlaceId(place.id);
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    renamed.set(place.id, id);
  }
  const ref = (id: string): string => renamed.get(id) ?? id;
  return {
    ...dataset,
    places: dataset.places.map((place) => (renamed.has(place.id) ? { ...place, id: ref(place.id) } : place)),
    flows: dataset.flows.map((flow) =>
      renamed.has(flow.from) || renamed.has(flow.to)
        ? { ...flow, from: ref(flow.from), to: ref(flow.to), id: flowId(ref(flow.from), ref(flow.to), flow.year, flow.mode) }
        : flow,
    ),
    context: dataset.context.map((figure) =>
      renamed.has(figure.place) || renamed.has(figure.from) || renamed.has(figure.to)
        ? { ...figure, place: ref(figure.place), from: ref(figure.from), to: ref(figure.to) }
        : figure,
    ),
  };
}
