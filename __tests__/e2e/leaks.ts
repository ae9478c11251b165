/**
 * The leak check every end-to-end scenario can run: no secret the emulator knows or issued
 * appears in anything the action wrote (stdout, stderr, GITHUB_OUTPUT, GITHUB_ENV, the summary).
 */
import { expect } from '@jest/globals'
import type { RunResult } from '../helpers/runner.js'

/** The secrets (from `GET /_emulator/secrets`) found in the runs' visible output. */
export function leakedSecrets(runs: RunResult[], secrets: string[]): string[] {
  const leaked = new Set<string>()
  for (const run of runs) {
    const written = [run.stdout, run.stderr, run.outputFile, run.envFile, run.summary].join('\n')
    // add-mask commands carry the secret on purpose: the runner hides it everywhere after them.
    const visible = written
      .split('\n')
      .filter(line => !line.startsWith('::add-mask::'))
      .join('\n')
    for (const secret of secrets) if (visible.includes(secret)) leaked.add(secret)
  }
  return [...leaked]
}

/** Fails the test when any of `runs` shows a secret; checks the secrets list is not empty. */
export function expectNoLeaks(runs: RunResult[], secrets: string[]): void {
  expect(secrets.length).toBeGreaterThan(1)
  expect(leakedSecrets(runs, secrets)).toEqual([])
}
