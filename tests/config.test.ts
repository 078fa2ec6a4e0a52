import { ConfigError, loadConfig } from "../src/config";

describe("loadConfig", () => {
  it("defaults to the bundled Neo4j on port 4000", () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.neo4j.uri).toBeUndefined();
    expect(config.bundled.boltPort).toBe(7687);
  });

  it("treats an empty PORT as unset, not as port 0", () => {
    expect(loadConfig({ PORT: "", PRASSI_BOLT_PORT: " " })).toMatchObject({ port: 4000, bundled: { boltPort: 7687 } });
  });

  it("refuses a non-numeric PORT, naming the variable", () => {
    expect(() => loadConfig({ PORT: "abc" })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: "abc" })).toThrow(/PORT/);
  });

  it("refuses an http URI for Neo4j, naming NEO4J_URI", () => {
    expect(() => loadConfig({ NEO4J_URI: "http://localhost:7474" })).toThrow(/NEO4J_URI: must be a bolt/);
  });

  it("accepts an Aura URI with credentials", () => {
    const config = loadConfig({
      NEO4J_URI: "neo4j+s://abcd.databases.neo4j.io",
      NEO4J_USERNAME: "neo4j",
      NEO4J_PASSWORD: "secret",
    });
    expect(config.neo4j).toMatchObject({ uri: "neo4j+s://abcd.databases.neo4j.io", username: "neo4j" });
  });

  it("lists every wrong variable at once", () => {
    expect(() => loadConfig({ LOG_LEVEL: "loud", PRASSI_NEO4J_HEAP: "lots" })).toThrow(
      /PRASSI_NEO4J_HEAP[\s\S]*LOG_LEVEL/,
    );
  });

  it("listens on loopback and masks internal errors unless told otherwise", () => {
    expect(loadConfig({})).toMatchObject({
      host: "127.0.0.1",
      development: false,
      trustProxy: false,
      corsOrigins: "*",
    });
    expect(loadConfig({ NODE_ENV: "development" }).development).toBe(true);
  });

  it("checks trusted proxies as Express will read them, and never trusts every proxy", () => {
    expect(loadConfig({ PRASSI_TRUST_PROXY: "loopback, 10.0.0.0/8" }).trustProxy).toEqual(["loopback", "10.0.0.0/8"]);
    expect(loadConfig({ PRASSI_TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(() => loadConfig({ PRASSI_TRUST_PROXY: "10.0.0.0/99" })).toThrow(/PRASSI_TRUST_PROXY: .*hop count/);
    expect(() => loadConfig({ PRASSI_TRUST_PROXY: "true" })).toThrow(/PRASSI_TRUST_PROXY/);
  });

  it("refuses origins that are not origins", () => {
    expect(loadConfig({ PRASSI_CORS_ORIGINS: "https://a.example.it, http://intranet:8080" }).corsOrigins).toEqual([
      "https://a.example.it",
      "http://intranet:8080",
    ]);
    expect(() => loadConfig({ PRASSI_CORS_ORIGINS: "https://a.example.it/path" })).toThrow(/PRASSI_CORS_ORIGINS/);
  });

  it("refuses a username without a password", () => {
    expect(() => loadConfig({ NEO4J_URI: "bolt://db:7687", NEO4J_USERNAME: "neo4j" })).toThrow(/set both or neither/);
  });

  it("caches public reads for 60 s in at most 64 MB by default; 0 turns either off, a negative or fractional value is refused", () => {
    expect(loadConfig({}).caching).toEqual({ publicMaxAge: 60, responseCacheBytes: 64 * 1024 * 1024 });
    expect(loadConfig({ PRASSI_PUBLIC_MAX_AGE: "0", PRASSI_RESPONSE_CACHE_MB: "0" }).caching).toEqual({
      publicMaxAge: 0,
      responseCacheBytes: 0,
    });
    expect(loadConfig({ PRASSI_PUBLIC_MAX_AGE: " " }).caching.publicMaxAge).toBe(60);
    expect(() => loadConfig({ PRASSI_PUBLIC_MAX_AGE: "-1" })).toThrow(
      /PRASSI_PUBLIC_MAX_AGE: must be 0 or more seconds/,
    );
    expect(() => loadConfig({ PRASSI_RESPONSE_CACHE_MB: "1.5" })).toThrow(
      /PRASSI_RESPONSE_CACHE_MB: must be a whole number of megabytes/,
    );
    expect(() => loadConfig({ PRASSI_PUBLIC_MAX_AGE: "a minute" })).toThrow(/PRASSI_PUBLIC_MAX_AGE/);
  });
});
