import { createProgress } from "../../src/ingest/command";
import { runScript } from "../support/cli";

const ingest = (...args: string[]) => runScript("src/ingest/cli.ts", args, {});

describe("npm run ingest -- --help", () => {
  it("says every option and the other command it offers", () => {
    const help = ingest("--help");
    expect(help.status).toBe(0);
    expect(help.stderr).toBe("");
    const options = [
      "--catalogue ID",
      "--catalog ID",
      "--edition YYYY",
      "--dry-run",
      "--out FILE",
      "--allow-partial CARDS",
    ];
    for (const option of [...options, "--allow-drop", "--allow-renumber", "-h, --help"]) {
      expect(help.stdout).toContain(`  ${option} `);
    }
    expect(help.stdout).toMatch(
      /npm run ingest -- EXPORT_DIR \[--dry-run\] +restore what `npm run export -- EXPORT_DIR` wrote/,
    );
    expect(help.stdout.split("\n").filter((line) => line.length > 120)).toEqual([]);
    expect(ingest("-h").stdout).toBe(help.stdout);
  });

  it("answers a bad option or year with the usage and exit code 2", () => {
    const misuses = [
      ["--edtion", "2023", "x.md"],
      ["x.md", "--edition", "23"],
      ["x.md", "--catalog", "a-2023", "--catalogue", "b-2023"],
    ];
    for (const args of misuses) {
      const run = ingest(...args);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/usage: npm run ingest -- FILE \[options\]/);
      expect(run.stdout).toBe("");
    }
  });
});

describe("progress", () => {
  const stream = (isTTY: boolean) => {
    const written: string[] = [];
    return { isTTY, written, write: (text: string) => written.push(text) };
  };

  it("on a terminal, shows each step, clears it for the report, and says how long it took", async () => {
    const [terminal, out] = [stream(true), stream(false)];
    const progress = createProgress(terminal, out);
    expect(await progress.step("loading", () => (progress.report("Report\n"), 7))).toBe(7);
    const clear = "\r\u001b[2K";
    expect(terminal.written).toEqual([
      expect.stringMatching(/^\r\u001b\[2Kingest: loading\.\.\. 0\.\d s$/),
      clear,
      expect.stringMatching(/^\r\u001b\[2Kingest: loading\.\.\. 0\.\d s$/),
      expect.stringMatching(/^\r\u001b\[2Kingest: loading: done in 0\.\d s\n$/),
    ]);
    expect(out.written).toEqual(["Report\n"]);
    await expect(progress.step("similarity", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(terminal.written.at(-1)).toMatch(/ingest: similarity: failed after 0\.\d s\n$/);
  });

  it("is quiet when stderr is not a terminal", async () => {
    const [terminal, out] = [stream(false), stream(false)];
    const progress = createProgress(terminal, out);
    await progress.step("loading", () => progress.report("Report\n"));
    expect(terminal.written).toEqual([]);
    expect(out.written).toEqual(["Report\n"]);
  });
});
