import codes from "i18n-iso-countries/codes.json";
import { describe, expect, it } from "vitest";
import { COUNTRIES, lookupCountry, normaliseCountryName } from "../../../src/io/countries";

describe("lookupCountry", () => {
  it("resolves names in English, French, Spanish, Russian, Chinese and Arabic and ISO codes to one country", () => {
    const cases: [string, string[]][] = [
      ["CN", ["China", "Chine", "China", "Китай", "中国", "الصين", "CN", "CHN", "156", "cn"]],
      ["RU", ["Russia", "Russie", "Rusia", "Россия", "Российская Федерация", "俄罗斯", "روسيا", "RUS", "643"]],
      ["DE", ["Germany", "Allemagne", "Alemania", "Германия", "德国", "ألمانيا", "Deutschland", "DEU", "276"]],
      ["US", ["United States", "États-Unis", "Estados Unidos", "США", "美国", "الولايات المتحدة", "USA", "840", "842"]],
      ["KZ", ["Kazakhstan", "Kazajistán", "Казахстан", "哈萨克斯坦", "كازاخستان", "KAZ", "398"]],
      ["CI", ["Côte d'Ivoire", "Cote d'Ivoire", "Ivory Coast", "Costa de Marfil", "Кот-д’Ивуар", "CIV"]],
    ];
    for (const [iso2, names] of cases) for (const name of names) expect([name, lookupCountry(name)?.iso2]).toEqual([name, iso2]);
  });

  it("keeps English readings where languages clash and does not read a territory's parenthesis as the country", () => {
    expect(lookupCountry("Congo")?.iso2).toBe("CG");
    expect(lookupCountry("Korea")?.iso2).toBe("KR");
    expect(lookupCountry("Georgia")?.iso2).toBe("GE");
    // Russian names the US Minor Outlying Islands "Внешние малые острова (США)": "США" stays the USA.
    expect(lookupCountry("США")?.iso2).toBe("US");
    expect(lookupCountry("Narnia")).toBeUndefined();
  });

  it("agrees with i18n-iso-countries on every code and has a centroid for each", () => {
    const byIso2 = new Map(COUNTRIES.map((c) => [c.iso2, c]));
    for (const [iso2, iso3, numeric] of codes as string[][]) {
      const country = byIso2.get(iso2 ?? "");
      expect(country, iso2).toBeDefined();
      if (iso2 === "XK") continue; // Kosovo has no ISO numeric code; the library gives a user-assigned one
      expect([iso2, country?.iso3, country?.numeric]).toEqual([iso2, iso3, numeric]);
      expect(Number.isFinite(country?.lat) && Number.isFinite(country?.lon)).toBe(true);
    }
  });

  it("normalises names in any script", () => {
    expect(normaliseCountryName("Côte d'Ivoire")).toBe("cote d ivoire");
    expect(normaliseCountryName(" РОССИЯ ")).toBe("россия");
    expect(normaliseCountryName("中国")).toBe("中国");
  });
});
