/**
 * The emulator's command line: `node build/emulator/main.js [options]` (see --help). Prints one
 * JSON ready line on stdout and nothing else there; logs go to stderr. Exits 0 on SIGINT or
 * SIGTERM after stopping Azurite, 2 on a bad option or seed, 1 when it cannot start.
 */
import { startEmulator } from './emulator.js'
import { OptionError, parseOptions, USAGE } from './server/options.js'
import { SeedError } from './server/seed.js'

async function main(): Promise<void> {
  let options
  try {
    options = parseOptions(process.argv.slice(2))
  } catch (error) {
    exitWith(2, error)
    return
  }
  if (options === 'help') {
    process.stderr.write(`${USAGE}\n`)
    return
  }

  let emulator
  try {
    emulator = await startEmulator(options)
  } catch (error) {
    exitWith(error instanceof OptionError || error instanceof SeedError ? 2 : 1, error)
    return
  }
  const running = emulator
  const shutDown = (): void => {
    running.stop().then(
      () => process.exit(0),
      error => exitWith(1, error)
    )
  }
  // A throw from a model timer (simulated processing) must not take the emulator down in the
  // middle of a test run: report it and keep serving, like the request pipeline does.
  process.on('uncaughtException', error => {
    process.stderr.write(`emulator: unexpected error: ${error.message}\n`)
  })
  process.once('SIGINT', shutDown)
  process.once('SIGTERM', shutDown)
  process.stdout.write(`${JSON.stringify(running.ready)}\n`)
}

function exitWith(code: number, error: unknown): void {
  process.stderr.write(`emulator: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(code)
}

await main()
