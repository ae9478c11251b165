// The notes of one release of the action, taken from CHANGELOG.md (Keep a Changelog): the body of
// its `## [1.2.3]` section (`## [1.2.3] - 2026-05-04`, `## 1.2.3` and a `v` before the number work
// too), up to the next `## ` heading or the link definitions at the end. Entries wait under
// `## [Unreleased]` on top; cutting a release moves them under the version's heading
// (docs/releasing.md). `node scripts/release-notes.mjs v1.2.3 [CHANGELOG.md]` prints the notes,
// or says what is missing and exits 1.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The version of a heading like `## [1.2.3] - 2026-05-04`, lower case; undefined for others. */
function headingVersion(line) {
  const m = /^## +\[?v?([^\]\s]+)\]?/.exec(line)
  return m?.[1].toLowerCase()
}

/**
 * The notes of `version` (`1.2.3`, `v1.2.3` or `unreleased`) in the changelog text:
 * `{ notes }`, or `{ problem }` saying what to fix when the section is missing or empty.
 */
export function releaseNotes(changelog, version) {
  const wanted = version.replace(/^v/, '').toLowerCase()
  const lines = changelog.split(/\r?\n/)
  const body = []
  let inSection = false
  let fence = false
  for (const line of lines) {
    if (/^(```|~~~)/.test(line)) fence = !fence
    if (!fence && line.startsWith('## ')) {
      if (inSection) break
      inSection = headingVersion(line) === wanted
      continue
    }
    // A link definition at the start of a line (`[1.2.3]: https://…`) ends the last section.
    if (inSection && !fence && /^\[[^\]]+\]: /.test(line)) break
    if (inSection) body.push(line)
  }
  const notes = body.join('\n').trim()
  if (!inSection)
    return {
      problem:
        `CHANGELOG.md has no section for ${wanted}: add "## [${wanted}] - YYYY-MM-DD" below ` +
        `"## [Unreleased]" and move the release's entries under it (docs/releasing.md).`
    }
  if (!notes)
    return {
      problem: `CHANGELOG.md's section for ${wanted} is empty: move the release's entries under it.`
    }
  return { notes }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [version, file = 'CHANGELOG.md'] = process.argv.slice(2)
  if (!version) {
    console.error('usage: node scripts/release-notes.mjs <version or tag> [CHANGELOG.md]')
    process.exit(2)
  }
  const result = releaseNotes(readFileSync(file, 'utf8'), version)
  if (result.problem) {
    console.error(result.problem)
    process.exit(1)
  }
  console.log(result.notes)
}
