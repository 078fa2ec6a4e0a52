/** The answer of docs/queries/region-coverage.graphql, the page's one request. */
type Named = { name: string; nameEn?: string | null };
type Lep = Named & { code: string };

export type TerritoryCoverage = {
  region: { nuts: string; name: string };
  practiceCount: number;
  lepsCovered: number;
  coverageRate: number;
  coverageRank: number;
};

export type RegionAnswer = {
  regionCoverage: TerritoryCoverage[];
  regionProfile: {
    region: {
      nuts: string;
      name: string;
      practicesConnection: { totalCount: number; edges: Array<{ node: { id: string; title: string } }> };
    };
    practiceCount: number;
    coverageRate: number;
    coverageRank: number;
    lepCoverage: Array<{ lep: Lep; covered: boolean; practicesHere: number; regionsCovering: number }>;
    targetGroups: Array<{ targetGroup: Named & { id: string }; practices: number }>;
    gaps: Array<{
      lep: Lep;
      models: Array<{ id: string; title: string; regions: Array<{ nuts: string; name: string }> }>;
    }>;
  };
};
