// What must hold before the release workflow releases a tag of the action
// (.github/workflows/release.yml, docs/releasing.md):
// - the tag is a version tag equal to package.json's version (v1.2.3 for 1.2.3);
// - the docs name the action by this repository's real name: every `uses: OWNER/REPO@…` and
//   schema URL of README.md, docs/ and examples/ names the repository being released, so the
//   README's quick start works as written. The docs say `contoso/marketplace-publish-action` (a
//   unit test keeps them to one name); a release from a repository of another name fails here,
//   listing each place to change;
// - they pin the major tag this release moves (`@v1`), and the README shows the exact pin of this
//   release (`@v1.2.3`) in its Versions paragraph. A pre-release (v1.3.0-rc.1) moves no tag and
//   needs neither.
// `node scripts/release-check.mjs <tag> <owner/repo>` prints each problem and exits 1 if any.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const VERSION_TAG = /^v(\d+)\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/

// `uses: OWNER/REPO[/path]@REF` (GitHub's own `actions/*` excepted) and raw schema URLs
// `raw.githubusercontent.com/OWNER/REPO/REF/`: the places the docs name the action.
const REFERENCES = [
  /\buses: *['"]?(?!actions\/)([\w.-]+\/[\w.-]+)(?:\/[\w./-]*)?@([\w.-]+)/g,
  /raw\.githubusercontent\.com\/([\w.-]+\/[\w.-]+)\/([\w.-]+)\//g
]

/** Each place a text names an action or schema by repository: `{ line, repository, ref }`. */
export function actionReferences(text) {
  const found = []
  text.split('\n').forEach((line, index) => {
    for (const pattern of REFERENCES)
      for (const m of line.matchAll(pattern))
        found.push({ line: index + 1, repository: m[1], ref: m[2] })
  })
  return found
}

/**
 * The problems that stop a release, each `{ message, file?, line? }`; none when it may go ahead.
 * `docs` are the texts that name the action: `{ file, text }` (README.md first).
 */
export function releaseProblems({ tag, repository, version, docs }) {
  const tagMatch = VERSION_TAG.exec(tag)
  if (!tagMatch)
    return [
      {
        message:
          `${tag} is not a release tag: push vMAJOR.MINOR.PATCH (e.g. v${version}); ` +
          'the major tag (v1) is moved by the release workflow itself.'
      }
    ]
  const problems = []
  if (tag !== `v${version}`)
    problems.push({
      file: 'package.json',
      message:
        `The tag ${tag} does not match package.json's version ${version}: set "version" to ` +
        `"${tag.slice(1)}" in the commit you tag, or tag v${version}.`
    })
  const preRelease = Boolean(tagMatch[2])
  const major = `v${tagMatch[1]}`
  for (const { file, text } of docs)
    for (const ref of actionReferences(text)) {
      if (ref.repository.toLowerCase() !== repository.toLowerCase())
        problems.push({
          file,
          line: ref.line,
          message:
            `names the action ${ref.repository}, but this repository is ${repository}: ` +
            'replace the name in README.md, docs/ and examples/ before releasing.'
        })
      else if (!preRelease && ref.ref !== major)
        problems.push({
          file,
          line: ref.line,
          message: `pins @${ref.ref}, but this release moves ${major}: pin @${major}.`
        })
    }
  const readme = docs.find(doc => doc.file === 'README.md')
  if (!preRelease && !readme?.text.includes(`@${tag}`))
    problems.push({
      file: 'README.md',
      message: `does not show this release's exact pin @${tag}: update its Versions paragraph.`
    })
  return problems
}

/** README.md, then every markdown file of docs/ and every file of examples/ that may name it. */
export function readDocs(root) {
  const under = (dir, pattern) =>
    readdirSync(join(root, dir), { recursive: true })
      .map(String)
      .filter(file => pattern.test(file))
      .sort()
      .map(file => join(dir, file))
  const files = ['README.md', ...under('docs', /\.md$/), ...under('examples', /\.(md|ya?ml)$/)]
  return files.map(file => ({ file, text: readFileSync(join(root, file), 'utf8') }))
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [tag, repository] = process.argv.slice(2)
  if (!tag || !repository) {
    console.error('usage: node scripts/release-check.mjs <tag> <owner/repo>')
    process.exit(2)
  }
  const root = fileURLToPath(new URL('..', import.meta.url))
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  const problems = releaseProblems({ tag, repository, version, docs: readDocs(root) })
  // On a runner each problem is an error annotation at its file and line.
  const annotate = process.env.GITHUB_ACTIONS === 'true'
  for (const { file, line, message } of problems) {
    const where = [file && `file=${file}`, line && `line=${line}`].filter(Boolean).join(',')
    const at = file ? `${file}${line ? `:${line}` : ''}: ` : ''
    console.error(annotate ? `::error ${where}::${message}` : `${at}${message}`)
  }
  if (problems.length > 0) process.exit(1)
  console.log(`${tag} of ${repository} may be released.`)
}
