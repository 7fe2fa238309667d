import { describe, expect, it } from "vitest";
import { edges, file, places, read } from "../../helpers";

describe("importFiles(flowmap.blue pair)", () => {
  it("joins locations.csv and flows.csv, with times read as years", async () => {
    const result = await read([
      file("flows.csv", "origin,dest,count,time\nb,t,10,2020-01-01T00:00:00\nb,t,5,2020-02-01T00:00:00\nt,m,7,2021-01-01\n"),
      file("locations.csv", "id,name,lat,lon\nb,Bremerhaven,53.55,8.58\nt,Tbilisi,41.7,44.8\nm,Almaty,43.2,76.9\n"),
    ]);
    expect(result.status).toBe("ok");
    expect(result.format).toBe("flowmap.blue pair");
    expect(edges(result.dataset)).toEqual(["Bremerhaven>Tbilisi@2020=15", "Tbilisi>Almaty@2021=7"]);
    expect(places(result.dataset)).toEqual([
      "b|Bremerhaven|origin|ZZ|53.55|8.58",
      "m|Almaty|market|ZZ|43.2|76.9",
      "t|Tbilisi|transit|ZZ|41.7|44.8",
    ]);
  });

  it("accepts locations without names and lists unknown place references", async () => {
    const result = await read([
      file("locations.csv", "id,lat,lon\n1,52.5,13.4\n2,50.1,8.7\n"),
      file("flows.csv", "origin,dest,count\n1,2,3\n1,9,4\n8,2,1\n8,1,1\n"),
    ]);
    expect(edges(result.dataset)).toEqual(["1>2@2024=3"]);
    expect(result.summary.unknownRefs.sort()).toEqual(["8", "9"]);
    const unknown = result.issues.filter((issue) => /unknown place/.test(issue.message));
    expect(unknown.map((issue) => [issue.file, issue.line])).toEqual([
      ["flows.csv", 3],
      ["flows.csv", 4],
    ]);
  });

  it("keeps a location with a broken coordinate, placing it by its name when that is a country", async () => {
    const result = await read([
      file("locations.csv", "id,name,lat,lon\nge,Georgia,abc,44\nx,Nowhere,,\n"),
      file("flows.csv", "origin,dest,count\nge,x,1\n"),
    ]);
    expect(places(result.dataset)).toEqual(["ge|Georgia|origin|GE|42|43.5", "x|Nowhere|market|ZZ|null|null"]);
    expect(result.issues.some((issue) => issue.line === 2 && issue.column === 3)).toBe(true);
  });

  it("reads a lone flowmap flows.csv as an edge list", async () => {
    const result = await read([file("flows.csv", "origin,dest,count\nA,B,2\n")]);
    expect(result.format).toBe("edge list CSV");
    expect(edges(result.dataset)).toEqual(["A>B@2024=2"]);
  });
  it("does not read a located place's id as a country code (FRA is Frankfurt here, not France)", async () => {
    const locations = "id,name,lat,lon\nFRA,Frankfurt am Main,50.11,8.68\nBER,Berlin,52.52,13.40\nDE,,51,10\n";
    const flows = "origin,dest,count\nFRA,BER,3\nBER,DE,1\n";
    const result = await read([file("locations.csv", locations), file("flows.csv", flows)]);
    expect(places(result.dataset)).toEqual([
      "BER|Berlin|transit|ZZ|52.52|13.4",
      "DE|DE|market|DE|51|10",
      "FRA|Frankfurt am Main|origin|ZZ|50.11|8.68",
    ]);
  });
});
