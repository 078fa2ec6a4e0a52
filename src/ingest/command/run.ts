/** Runs a command-line entry point: exits with the code it returns, or with 1 and "<name> failed: ..." when it throws. */
export function runCommand(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${name} failed: ${(error as Error).message}\n`);
      process.exit(1);
    },
  );
}
