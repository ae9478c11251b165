/**
 * Jest setup: code under test registers secrets (test tokens, Azurite SAS URLs) with
 * `::add-mask::` on stdout, as it must on a runner. Printed by a test process they would put
 * those values, and their encoded forms, in the test log: they are dropped here. Tests that check
 * the command itself spy on `process.stdout.write`, which replaces this filter while they run.
 * The end-to-end tests run the bundle in a child process whose stdout they capture, untouched.
 */
const FILTERED = Symbol.for('marketplace-publish.quiet-masks')
const stdout = process.stdout as typeof process.stdout & { [FILTERED]?: true }

if (!stdout[FILTERED]) {
  const write = stdout.write.bind(stdout) as (...args: unknown[]) => boolean
  stdout.write = ((...args: unknown[]) => {
    const [chunk] = args
    if (typeof chunk === 'string' && chunk.startsWith('::add-mask::')) {
      const done = args.at(-1)
      if (typeof done === 'function') done()
      return true
    }
    return write(...args)
  }) as typeof stdout.write
  stdout[FILTERED] = true
}
