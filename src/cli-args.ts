/** Command-line arguments of `marketplace-publish` (src/cli.ts), kept apart so they can be tested. */

export class UsageError extends Error {}

/** The environment variable an input can come from: `tenant-id` → `MARKETPLACE_TENANT_ID`. */
export function envName(input: string): string {
  return `MARKETPLACE_${input.replace(/-/g, '_').toUpperCase()}`
}

/** `--name value`, `--name=value`, or a bare `--name` meaning true. */
export function parseFlags(argv: readonly string[]): Map<string, string> {
  const flags = new Map<string, string>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (!arg.startsWith('--') || arg === '--') throw new UsageError(`unexpected argument "${arg}"`)
    const eq = arg.indexOf('=')
    if (eq > 0) {
      flags.set(arg.slice(2, eq), arg.slice(eq + 1))
    } else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) {
      flags.set(arg.slice(2), argv[++i])
    } else {
      flags.set(arg.slice(2), 'true')
    }
  }
  return flags
}
