#!/usr/bin/env node
/**
 * `marketplace-publish`: the action's publish from a terminal. Flags have the action's input names
 * (`--tenant-id`, `--manifest`, `--target`, `--dry-run`...); each can also come from the
 * environment as `MARKETPLACE_` + the name in upper snake case (`MARKETPLACE_CLIENT_SECRET`),
 * which is the way to pass the client secret (a flag would end up in the shell history).
 * The mode can be the first argument: `marketplace-publish check --manifest marketplace.yml`.
 * Exit codes: usage() says them; runPublish returns them.
 */
import * as core from '@actions/core'
import { abortOnSignals } from './cancellation.js'
import { envName, inFlags, parseCommandLine, UsageError, type CommandLine } from './cli-args.js'
import { systemClock } from './clock.js'
import { githubContext } from './github/context.js'
import { createTransport } from './http/transport.js'
import { runPublish } from './publish/run.js'
import { cliSink } from './report/cli-sink.js'
import { DEFAULTS, INPUT_NAMES } from './settings.js'

/** One line per input; keyed like INPUT_NAMES so a new input cannot be left out of the help. */
const OPTION_HELP: Record<keyof typeof INPUT_NAMES, string> = {
  tenantId: 'Entra tenant (directory) ID',
  clientId: 'application (client) ID of the app registration',
  clientSecret: 'client secret (use MARKETPLACE_CLIENT_SECRET)',
  oidcAudience: `audience of the GitHub OIDC token (default ${DEFAULTS.oidcAudience})`,
  manifest: `manifest file (default ${DEFAULTS.manifest})`,
  target: `draft | preview | live (default ${DEFAULTS.target})`,
  version: 'version to publish (default: from GITHUB_REF refs/tags/vX.Y.Z)',
  offers: 'offer IDs or globs to publish, comma-separated (default all)',
  dryRun: 'validate and print the plan; write nothing',
  wait: `wait for the submission to finish; --no-wait to return at once (default ${DEFAULTS.wait})`,
  timeoutMinutes: `overall time budget in minutes (default ${DEFAULTS.timeoutMinutes})`,
  onConflict: `fail | wait, when another submission is in progress (default ${DEFAULTS.onConflict})`,
  authorityHost: `Entra ID origin (default ${DEFAULTS.authorityHost})`,
  apiBaseUrl: `Ingestion API base URL (default ${DEFAULTS.apiBaseUrl})`,
  productIngestionUrl: `product-ingestion API base URL (default ${DEFAULTS.productIngestionUrl})`,
  concurrency: `offers published at once (default ${DEFAULTS.concurrency})`,
  checkExisting: `auto | always: list packages and submissions before creating (default ${DEFAULTS.checkExisting})`,
  mode: `publish | check | follow | list, or as the first argument (default ${DEFAULTS.mode})`,
  githubToken: 'GitHub token for deployments, releases and comments (use MARKETPLACE_GITHUB_TOKEN)'
}

function usage(): string {
  return `Usage: marketplace-publish [publish | check | follow | list] --manifest FILE [options]

Publishes the offers of a marketplace manifest through the Partner Center Ingestion API.

Commands (the mode; default publish):
  publish              publish the offers (--dry-run: print the plan, write nothing)
  check                check the manifest and every file it names as a publish would:
                       no credentials needed, no request sent (release assets and
                       \${{ release.notes }} are left for the publish)
  follow               follow the submissions already in flight
  list                 print the manifest's offers as JSON

Options (each also read from MARKETPLACE_<NAME>, e.g. --tenant-id from MARKETPLACE_TENANT_ID):
${optionLines()}
  --debug                 debug lines on stderr (also MARKETPLACE_DEBUG=true)
  --help                  this text

Switches take no value: --dry-run turns one on, --no-wait turns one off. Pass the
client secret through MARKETPLACE_CLIENT_SECRET rather than a flag.

Exit codes:
  0  published, planned, checked or listed
  1  the manifest, a file it names, the sign-in or the publish failed
  2  invalid command line or settings: an unknown flag or command, a bad flag or
     MARKETPLACE_* value, or no client secret (MARKETPLACE_CLIENT_SECRET) to sign in with
`
}

function optionLines(): string {
  return (Object.keys(INPUT_NAMES) as Array<keyof typeof INPUT_NAMES>)
    .map(key => `  --${INPUT_NAMES[key].padEnd(22)}${OPTION_HELP[key]}`)
    .join('\n')
}

async function main(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  let commandLine: CommandLine
  try {
    commandLine = parseCommandLine(argv)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    process.stderr.write(`marketplace-publish: ${error.message}\n\n${usage()}`)
    return 2
  }
  if (commandLine.help) {
    process.stdout.write(usage())
    return 0
  }
  const { inputs } = commandLine
  const cancellation = abortOnSignals()
  try {
    return await runPublish({
      read: name => inputs.get(name) ?? env[envName(name)] ?? '',
      sink: cliSink({
        debug: commandLine.debug ?? env.MARKETPLACE_DEBUG === 'true',
        // In a workflow step the runner's log is still the place to mask secrets in.
        setSecret: env.GITHUB_ACTIONS === 'true' ? core.setSecret : undefined,
        // Messages name the action's inputs; here they are flags (--version).
        out: text => process.stdout.write(inFlags(text)),
        err: text => process.stderr.write(inFlags(text))
      }),
      github: githubContext(),
      clock: systemClock,
      env,
      cwd: process.cwd(),
      signal: cancellation.signal,
      requestSignal: cancellation.requestSignal,
      createTransport
    })
  } finally {
    cancellation.dispose()
  }
}

process.exitCode = await main(process.argv.slice(2), process.env)
