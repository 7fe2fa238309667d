import { describe, expect, it } from "vitest";
import type { Place } from "../../../src/domain/types";
import { findPlaces, normaliseName, resolvePlace } from "../../../src/state/placeSearch";

const place = (id: string, name: string, nativeName = ""): Place => ({
  id,
  name,
  kind: "exit",
  country: "CN",
  lat: 0,
  lon: 0,
  lane: "",
  nativeName,
  note: "",
});
const places = [
  place("horgos", "Horgos", "霍尔果斯"),
  place("kz", "Kazakhstan", "Қазақстан"),
  place("nansha", "Nansha (Guangzhou)", "南沙"),
  place("guangdong", "Guangdong", "广东"),
  place("ae", "United Arab Emirates (Jebel Ali)", "الإمارات"),
];
const names = (q: string) => findPlaces(places, q).map((m) => m.place.id);

describe("findPlaces", () => {
  it("finds by name, ignoring case", () => {
    expect(names("horg")).toEqual(["horgos"]);
  });
  it("finds by native name", () => {
    expect(findPlaces(places, "霍尔")).toEqual([expect.objectContaining({ on: "nativeName", place: places[0] })]);
    expect(names("Қазақ")).toEqual(["kz"]);
  });
  it("ranks a name that starts with the query before one with a word that does, before one that only contains it", () => {
    // "guang": Guangdong starts with it; "Nansha (Guangzhou)" has a word starting with it.
    expect(names("guang")).toEqual(["guangdong", "nansha"]);
    expect(names("ali")).toEqual(["ae"]);
    expect(names("ngd")).toEqual(["guangdong"]);
  });
  it("ignores accents and extra spaces, and finds nothing for an empty query", () => {
    expect(normaliseName("  Çhilé  ")).toBe("chile");
    expect(names("   ")).toEqual([]);
    expect(names("zzz")).toEqual([]);
  });
  it("returns at most `limit` matches", () => {
    expect(findPlaces(places, "a", 2)).toHaveLength(2);
  });
});

describe("resolvePlace", () => {
  it("resolves an exact name, native name or id, ignoring case", () => {
    expect(resolvePlace(places, "kazakhstan")?.id).toBe("kz");
    expect(resolvePlace(places, "南沙")?.id).toBe("nansha");
    expect(resolvePlace(places, "AE")?.id).toBe("ae");
  });
  it("resolves the only match or the only one starting with the text, and nothing when several or none fit", () => {
    expect(resolvePlace(places, "Jebel")?.id).toBe("ae");
    // Guangdong starts with it; Nansha (Guangzhou) only has a word that does.
    expect(resolvePlace(places, "Guang")?.id).toBe("guangdong");
    expect(resolvePlace([...places, place("horgos-east", "Horgos East")], "Horg")).toBeNull();
    expect(resolvePlace(places, "Paris")).toBeNull();
    expect(resolvePlace(places, "  ")).toBeNull();
  });
});
