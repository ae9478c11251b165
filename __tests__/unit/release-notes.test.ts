/**
 * The release workflow's notes come from CHANGELOG.md by scripts/release-notes.mjs: the section of
 * the version only, whatever heading form it has, and a clear refusal when it is missing or empty.
 */
import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { releaseNotes } from '../../scripts/release-notes.mjs'
import { REPO_ROOT } from '../helpers/emulator.js'

const CHANGELOG = `# Changelog

Intro text.

## [Unreleased]

### Added

- Something not released yet.

## [1.1.0] - 2026-06-01

### Added

- A new input.

\`\`\`yaml
## not a heading inside a code block
\`\`\`

### Fixed

- A fix.

## [1.0.0]

- The first release.

[Unreleased]: https://example.com/compare/v1.1.0...HEAD
[1.1.0]: https://example.com/compare/v1.0.0...v1.1.0
`

describe('release notes from CHANGELOG.md', () => {
  test("takes the version's section, up to the next version, code blocks included", () => {
    expect(releaseNotes(CHANGELOG, '1.1.0')).toEqual({
      notes: [
        '### Added',
        '',
        '- A new input.',
        '',
        '```yaml',
        '## not a heading inside a code block',
        '```',
        '',
        '### Fixed',
        '',
        '- A fix.'
      ].join('\n')
    })
  })

  test('takes a tag as well as a version, and stops the last section at the link definitions', () => {
    expect(releaseNotes(CHANGELOG, 'v1.0.0')).toEqual({ notes: '- The first release.' })
    expect(releaseNotes(CHANGELOG.replace('## [1.0.0]', '## 1.0.0'), 'v1.0.0')).toEqual({
      notes: '- The first release.'
    })
  })

  test('reads Unreleased on top, and never mixes it into a version', () => {
    expect(releaseNotes(CHANGELOG, 'Unreleased')).toEqual({
      notes: '### Added\n\n- Something not released yet.'
    })
    expect(releaseNotes(CHANGELOG, '1.1.0').notes).not.toContain('not released yet')
  })

  test('refuses a version without a section, or with an empty one, saying what to do', () => {
    expect(releaseNotes(CHANGELOG, 'v1.2.0').problem).toBe(
      'CHANGELOG.md has no section for 1.2.0: add "## [1.2.0] - YYYY-MM-DD" below "## [Unreleased]" ' +
        "and move the release's entries under it (docs/releasing.md)."
    )
    expect(releaseNotes(CHANGELOG, '1.1.1').problem).toMatch(/no section for 1\.1\.1/)
    expect(releaseNotes('## [Unreleased]\n\n## [2.0.0] - 2026-07-01\n\n', '2.0.0').problem).toBe(
      "CHANGELOG.md's section for 2.0.0 is empty: move the release's entries under it."
    )
  })

  test("this repository's CHANGELOG.md has the notes of package.json's version", () => {
    const { version } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'))
    const changelog = readFileSync(path.join(REPO_ROOT, 'CHANGELOG.md'), 'utf8')
    const result = releaseNotes(changelog, version)
    expect(result.problem).toBeUndefined()
    expect(result.notes).toMatch(/^### /)
  })
})
