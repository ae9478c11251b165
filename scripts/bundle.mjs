// `npm run bundle`: ncc bundles the action (src/index.ts) and the CLI (src/cli.ts) into a scratch
// folder that then replaces dist/ whole. ncc never deletes files, so building in place would leave
// files of earlier builds behind (committed by mistake, or hiding a missing one from the CI dist
// check); swapping at the end also keeps dist/ usable while ncc runs.
import { execFileSync } from 'node:child_process'
import { renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const ncc = join(root, 'node_modules/.bin/ncc')
const next = join(root, 'build/dist-next')
const dist = join(root, 'dist')

rmSync(next, { recursive: true, force: true })
for (const [entry, out] of [
  ['src/index.ts', next],
  ['src/cli.ts', join(next, 'cli')]
]) {
  execFileSync(ncc, ['build', entry, '-o', out, '--license', 'licenses.txt', '--quiet'], {
    cwd: root,
    stdio: 'inherit'
  })
}
rmSync(dist, { recursive: true, force: true })
renameSync(next, dist)
