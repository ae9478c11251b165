// Where the benchmark finds the programs it measures and keeps its scratch files.
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = resolve(fileURLToPath(new URL('../..', import.meta.url)))
/** Scratch space (git-ignored), emptied at the start and removed at the end of a run. */
export const workDir = join(root, 'bench/.work')
export const actionEntry = join(root, 'dist/index.js')
export const emulatorEntry = join(root, 'build/emulator/main.js')
export const exampleManifest = join(root, 'examples/marketplace.yml')
export const reportFile = join(root, 'docs/benchmarks.md')
