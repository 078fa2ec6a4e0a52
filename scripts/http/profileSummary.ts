/**
 * Where a V8 CPU profile (.cpuprofile, from `node --cpu-prof`) spends its time: self time by package and by
 * function, and the time each package is on the stack at all (inclusive). Optionally only the samples taken
 * between two instants of the monotonic clock (microseconds, as `process.hrtime.bigint() / 1000n` gives them in
 * any process of the machine: V8 stamps its samples with the same clock).
 *
 *   node --require tsx/cjs scripts/http/profileSummary.ts FILE.cpuprofile [--top 20]
 */
import fs from "node:fs";
import { parseArgs } from "node:util";

type CallFrame = { functionName: string; url: string; lineNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type CpuProfile = {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
};

export type Share = { name: string; ms: number; fraction: number };
export type ProfileSummary = {
  /** Milliseconds sampled in the window, and of them not idle. */
  totalMs: number;
  busyMs: number;
  windowed: boolean;
  byPackage: Share[];
  byFunction: Share[];
  /** Time with at least one frame of the package on the stack, as a fraction of the busy time. */
  inclusive: Share[];
};

/** Native functions with no script that write to sockets and pipes: the HTTP answers and the Bolt messages. */
const SOCKET_WRITES = new Set([
  "writeBuffer",
  "writev",
  "writeUtf8String",
  "writeLatin1String",
  "writeAsciiString",
  "writeUcs2String",
  "writeString",
]);

/** The package (or part of the runtime) a frame belongs to. */
export function packageOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (url === "") {
    if (functionName === "(idle)") return "(idle)";
    if (functionName === "(garbage collector)") return "V8: garbage collector";
    if (functionName === "(program)") return "V8: (program) native, unattributed";
    if (functionName === "(root)") return "(root)";
    if (SOCKET_WRITES.has(functionName)) return "native: socket writes (libuv)";
    if (functionName === "parse" || functionName === "stringify") return "JSON (parse, stringify)";
    if (functionName === "runMicrotasks") return "V8: microtask queue";
    return "V8/native builtins (other)";
  }
  if (url.startsWith("node:"))
    return `node: ${
      url
        .slice(5)
        .replace(/^internal\//, "")
        .split("/")[0]
    }`;
  const modules = url.lastIndexOf("/node_modules/");
  if (modules >= 0) {
    const parts = url.slice(modules + "/node_modules/".length).split("/");
    const name = parts[0]!.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]!;
    // The driver ships as three packages; one line for it.
    return name.startsWith("neo4j-driver") ? "neo4j-driver (all parts)" : name;
  }
  const source = url.match(/\/(src|scripts)\/(.+)$/);
  if (source) return `prassi ${source[1]}/${source[2]!.split("/").slice(0, -1).join("/") || "."}`;
  return url;
}

function functionLabel(frame: CallFrame): string {
  const file =
    frame.url === ""
      ? ""
      : ` ${frame.url.replace(/^.*\/node_modules\//, "").replace(/^file:\/\/.*\/(src|scripts)\//, "$1/")}:${frame.lineNumber + 1}`;
  return `${frame.functionName || "(anonymous)"}${file}`;
}

function ranked(totals: Map<string, number>, denominator: number, top: number): Share[] {
  return [...totals]
    .map(([name, us]) => ({ name, ms: us / 1000, fraction: us / denominator }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, top);
}

export function summariseProfile(
  profile: CpuProfile,
  options: { fromUs?: number; toUs?: number; top?: number } = {},
): ProfileSummary {
  const top = options.top ?? 20;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const packagesOnStack = new Map<number, Set<string>>();
  const stackPackages = (id: number): Set<string> => {
    let cached = packagesOnStack.get(id);
    if (cached) return cached;
    const up = parent.get(id);
    cached = new Set(up === undefined ? [] : stackPackages(up));
    cached.add(packageOf(nodes.get(id)!.callFrame));
    packagesOnStack.set(id, cached);
    return cached;
  };

  const self = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  let idle = 0;
  let time = profile.startTime;
  const windowed = options.fromUs !== undefined || options.toUs !== undefined;
  for (let i = 0; i < profile.samples.length; i++) {
    time += profile.timeDeltas[i] ?? 0;
    // A sample lasts until the next one is taken.
    const duration = profile.timeDeltas[i + 1] ?? 0;
    if ((options.fromUs !== undefined && time < options.fromUs) || (options.toUs !== undefined && time > options.toUs))
      continue;
    const node = nodes.get(profile.samples[i]!)!;
    const name = packageOf(node.callFrame);
    total += duration;
    if (name === "(idle)") {
      idle += duration;
      continue;
    }
    self.set(name, (self.get(name) ?? 0) + duration);
    const label = `${functionLabel(node.callFrame)}  [${name}]`;
    byFunction.set(label, (byFunction.get(label) ?? 0) + duration);
    for (const onStack of stackPackages(node.id)) inclusive.set(onStack, (inclusive.get(onStack) ?? 0) + duration);
  }
  const busy = total - idle;
  inclusive.delete("(root)");
  return {
    totalMs: total / 1000,
    busyMs: busy / 1000,
    windowed,
    byPackage: ranked(self, busy, top),
    byFunction: ranked(byFunction, busy, top),
    inclusive: ranked(inclusive, busy, top),
  };
}

export function formatSummary(summary: ProfileSummary): string {
  const percent = (fraction: number) => `${(fraction * 100).toFixed(1).padStart(5)} %`;
  const lines = [
    `${(summary.totalMs / 1000).toFixed(1)} s sampled${summary.windowed ? " (the load's window only)" : ""}, ${(summary.busyMs / 1000).toFixed(1)} s busy (${percent(summary.busyMs / summary.totalMs).trim()}); shares below are of the busy time`,
    "",
    "Self time by package:",
    ...summary.byPackage.map(
      (share) => `  ${percent(share.fraction)}  ${share.ms.toFixed(0).padStart(6)} ms  ${share.name}`,
    ),
    "",
    "On the stack (inclusive) by package:",
    ...summary.inclusive.map(
      (share) => `  ${percent(share.fraction)}  ${share.ms.toFixed(0).padStart(6)} ms  ${share.name}`,
    ),
    "",
    "Self time by function:",
    ...summary.byFunction.map(
      (share) => `  ${percent(share.fraction)}  ${share.ms.toFixed(0).padStart(6)} ms  ${share.name}`,
    ),
  ];
  return `${lines.join("\n")}\n`;
}

export function readProfile(file: string): CpuProfile {
  return JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
}

if (require.main === module) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      top: { type: "string", default: "20" },
      from: { type: "string" },
      to: { type: "string" },
    },
  });
  if (positionals.length !== 1) {
    process.stderr.write("usage: profileSummary.ts FILE.cpuprofile [--top 20] [--from US --to US]\n");
    process.exit(2);
  }
  const summary = summariseProfile(readProfile(positionals[0]!), {
    top: Number(values.top),
    fromUs: values.from === undefined ? undefined : Number(values.from),
    toUs: values.to === undefined ? undefined : Number(values.to),
  });
  process.stdout.write(formatSummary(summary));
}
