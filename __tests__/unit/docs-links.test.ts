/**
 * Every link of the README and the docs stays inside the repository and resolves, as GitHub
 * renders it: a relative link names a file or folder of this checkout, and an anchor (`#…`) names
 * a heading of its target. No link leaves the repository (issue 12): the docs describe this
 * checkout, and a page elsewhere can move or change without this test noticing.
 *
 * The files go through marked's lexer (GFM, as GitHub reads them) rather than a regex, so links in
 * tables, lists and reference definitions count, bare URLs count (GitHub links them), and code
 * spans and code blocks do not. Heading anchors are made by github-slugger, GitHub's own rule.
 */
import { describe, expect, test } from '@jest/globals'
import fg from 'fast-glob'
import GithubSlugger from 'github-slugger'
import { lexer, walkTokens, type Token } from 'marked'
import { existsSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { REPO_ROOT } from '../helpers/emulator.js'

/** The markdown a reader reaches from the README: the docs, the emulator's, any example's. */
const DOCS = fg.sync(['README.md', 'docs/**/*.md', 'emulator/*.md', 'examples/**/*.md'], {
  cwd: REPO_ROOT
})

interface Link {
  href: string
  line: number
}

/** The text a heading shows (what GitHub slugs): code spans, emphasis and links reduced to text. */
function plainText(tokens: Token[]): string {
  return tokens
    .map(token =>
      'tokens' in token && token.tokens
        ? plainText(token.tokens)
        : 'text' in token
          ? token.text
          : ''
    )
    .join('')
}

/** The links and the heading anchors of one markdown text. */
function scanMarkdown(source: string): { links: Link[]; anchors: Set<string> } {
  const links: Link[] = []
  const anchors = new Set<string>()
  const slugger = new GithubSlugger()
  // Tokens carry no positions, but come in source order: each one is found after the last.
  let offset = 0
  const lineOf = (raw: string): number => {
    const at = source.indexOf(raw, offset)
    if (at >= 0) offset = at
    return source.slice(0, offset).split('\n').length
  }
  for (const block of lexer(source)) {
    lineOf(block.raw)
    walkTokens([block], token => {
      if (token.type === 'heading') anchors.add(slugger.slug(plainText(token.tokens ?? [])))
      if (token.type === 'link' || token.type === 'image')
        links.push({ href: token.href, line: lineOf(token.raw) })
      // Raw HTML links too (`<a href>`, `<img src>`): GitHub renders them.
      if (token.type === 'html')
        for (const m of token.raw.matchAll(/\b(?:href|src)="([^"]*)"/g))
          links.push({ href: m[1], line: lineOf(m[0]) })
    })
  }
  return { links, anchors }
}

const anchorsOf = new Map<string, Set<string>>()
function anchors(file: string): Set<string> {
  if (!anchorsOf.has(file))
    anchorsOf.set(file, scanMarkdown(readFileSync(path.join(REPO_ROOT, file), 'utf8')).anchors)
  return anchorsOf.get(file) as Set<string>
}

/** What is wrong with a link of `file` (repository-relative), or undefined when it resolves. */
function linkProblem(file: string, href: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href))
    return 'points outside the repository: link to a file of the repository instead, or name the page in text'
  if (href.startsWith('/')) return 'is absolute: make it relative to the file'
  const [target, anchor] = href.split('#', 2) as [string, string | undefined]
  const resolved = target
    ? path.posix.normalize(path.posix.join(path.posix.dirname(file), decodeURI(target)))
    : file
  if (resolved.startsWith('../')) return `leaves the repository (${resolved})`
  if (!existsSync(path.join(REPO_ROOT, resolved))) return `names ${resolved}, which does not exist`
  if (anchor === undefined) return undefined
  if (!resolved.endsWith('.md') || statSync(path.join(REPO_ROOT, resolved)).isDirectory())
    return `has an anchor, but ${resolved} is not a markdown file`
  if (!anchors(resolved).has(anchor)) return `names #${anchor}, which no heading of ${resolved} has`
  return undefined
}

describe('links of the README and the docs', () => {
  test('the scan covers the README, docs/ and the emulator docs', () => {
    expect(DOCS).toEqual(
      expect.arrayContaining(['README.md', 'docs/manifest.md', 'emulator/README.md'])
    )
  })

  test.each(DOCS)('every link of %s resolves inside the repository', file => {
    const { links } = scanMarkdown(readFileSync(path.join(REPO_ROOT, file), 'utf8'))
    const problems = links.flatMap(({ href, line }) => {
      const problem = linkProblem(file, href)
      return problem ? [`${file}:${line}: ${href} ${problem}`] : []
    })
    expect(problems).toEqual([])
  })

  test('finds links in tables, lists, reference definitions and HTML, and bare URLs, not in code', () => {
    const { links, anchors } = scanMarkdown(
      [
        '# Getting `started` *now*',
        '',
        '| a | b |',
        '| - | - |',
        '| [t](docs/table.md) | x |',
        '',
        '- see [ref][r] and https://example.com/bare',
        '',
        '<img src="images/logo.png" alt="logo">',
        '',
        '`[code](docs/span.md)`',
        '',
        '```md',
        '[block](docs/block.md)',
        '```',
        '',
        '## Getting started now',
        '',
        '[r]: docs/ref.md#x'
      ].join('\n')
    )
    expect(links).toEqual([
      { href: 'docs/table.md', line: 5 },
      { href: 'docs/ref.md#x', line: 7 },
      { href: 'https://example.com/bare', line: 7 },
      { href: 'images/logo.png', line: 9 }
    ])
    expect([...anchors]).toEqual(['getting-started-now', 'getting-started-now-1'])
  })

  test('refuses outside links, missing files and anchors, and paths out of the repository', () => {
    expect(linkProblem('README.md', 'docs/manifest.md')).toBeUndefined()
    expect(linkProblem('README.md', 'examples/workflows')).toBeUndefined()
    expect(linkProblem('README.md', '#quick-start')).toBeUndefined()
    expect(linkProblem('docs/manifest.md', '../README.md#quick-start')).toBeUndefined()
    expect(linkProblem('README.md', 'https://learn.microsoft.com/')).toMatch(/outside/)
    expect(linkProblem('README.md', 'mailto:someone@contoso.com')).toMatch(/outside/)
    expect(linkProblem('README.md', 'docs/missing.md')).toMatch(/docs\/missing\.md.*not exist/)
    expect(linkProblem('README.md', '#no-such-heading')).toMatch(/#no-such-heading/)
    expect(linkProblem('docs/manifest.md', '../../shared/reference/ingestion-v1.md')).toMatch(
      /leaves the repository/
    )
    expect(linkProblem('README.md', '/docs/manifest.md')).toMatch(/absolute/)
  })
})
