/** The value after `--name` on the command line, or `fallback` when the flag is absent (`undefined` when it ends the line). */
export function flagValue(argv: readonly string[], name: string, fallback: string): string | undefined {
  const at = argv.indexOf(`--${name}`);
  return at === -1 ? fallback : argv[at + 1];
}
