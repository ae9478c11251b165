import { describe, expect, it } from '@jest/globals'
import { report } from '../../src/report/report.js'
import { renderMarkdown } from '../../src/report/summary-markdown.js'
import { renderText } from '../../src/report/summary-text.js'
import type { RunSummary } from '../../src/report/summary-model.js'
import { recordingSink, result } from './report-fixtures.js'

function summary(overrides: Partial<RunSummary> = {}): RunSummary {
  return {
    dryRun: false,
    target: 'preview',
    status: 'preview',
    offers: [result()],
    runErrors: [],
    counts: { token: 1, lookup: 12, write: 5, upload: 2, poll: 7 },
    workspace: '/work/repo',
    ...overrides
  }
}

describe('job summary', () => {
  it('shows changes, packages, the timeline with durations, links and request counts per phase', () => {
    const md = renderMarkdown(summary())
    expect(md).toContain('## Marketplace publish: preview')
    expect(md).toContain('| update | offer listing | title |')
    expect(md).toContain('| standard | standard-1.2.3.zip | 1.2.3 | pkg-1 |')
    expect(md).toContain('| InProgress/Submitted | 2026-01-01T12:00:00.000Z | 1 min 5 s |')
    expect(md).toContain(
      '[overview](https://partner.microsoft.com/dashboard/commercial-marketplace/offers/prod-1/overview)'
    )
    expect(md).toContain('| token | lookup | write | upload | poll |')
    expect(md).toContain('| 1 | 12 | 5 | 2 | 7 |')
  })

  it('lists errors with their place relative to the workspace, escaping table and HTML characters', () => {
    const offer = result({
      status: 'failed',
      errors: [
        {
          code: 'SUBMISSION_FAILED',
          message: 'bad | <script>',
          source: { file: '/work/repo/marketplace.yml', line: 7 }
        }
      ]
    })
    const md = renderMarkdown(summary({ offers: [offer] }))
    expect(md).toContain(
      '| contoso-analytics | SUBMISSION_FAILED | Error | bad \\| &lt;script&gt; | marketplace.yml:7 |'
    )
  })

  it('says what an unchanged offer was compared with, in both renderings', () => {
    const offer = result({
      status: 'unchanged',
      submissionId: undefined,
      releaseNumber: undefined,
      changes: [],
      timeline: [],
      comparedWith: {
        submissionId: '1152921505697735001',
        releaseNumber: 2,
        state: 'Published/InStore',
        compared: ['offer listing and images', 'plan standard technical configuration']
      }
    })
    const text =
      'already held by submission 1152921505697735001 (release 2, Published/InStore): offer listing and images, plan standard technical configuration; nothing was submitted'
    const md = renderMarkdown(summary({ status: 'unchanged', offers: [offer] }))
    expect(md).toContain('### contoso-analytics: unchanged')
    expect(md).toContain(`| Unchanged | ${text} |`)
    expect(md).toContain('Nothing changed.')
    expect(renderText(summary({ status: 'unchanged', offers: [offer] }))).toContain(
      `  unchanged: ${text}\n`
    )
  })

  it.each([
    {
      what: 'the draft (target draft)',
      comparedWith: { state: 'draft', compared: ['offer listing'] },
      text: 'already held by the draft: offer listing; nothing was written'
    },
    {
      what: 'a submission, by its durable id',
      comparedWith: {
        submissionId: 'submission/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b/1152921505697735001',
        state: 'live: completed/succeeded',
        compared: ['offer listing']
      },
      text: 'already held by submission/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b/1152921505697735001 (live: completed/succeeded): offer listing; nothing was submitted'
    }
  ])('a product-ingestion offer names what it compared: $what', ({ comparedWith, text }) => {
    const offer = result({ offerId: 'contoso-vm', status: 'unchanged', comparedWith })
    const md = renderMarkdown(summary({ status: 'unchanged', offers: [offer] }))
    expect(md).toContain(`| Unchanged | ${text} |`)
  })

  it('calls it a plan in a dry run', () => {
    const md = renderMarkdown(
      summary({
        dryRun: true,
        offers: [result({ status: 'planned', submissionId: undefined, timeline: [] })]
      })
    )
    expect(md).toContain('Marketplace publish plan (dry run, target preview)')
    expect(md).toContain('Plan (nothing was written)')
    expect(renderText(summary({ dryRun: true })).split('\n')[0]).toBe(
      'Plan (dry run, target preview): nothing was written.'
    )
  })
})

describe('report', () => {
  it('annotates manifest problems at their file and line, sets outputs and fails the run', async () => {
    const rec = recordingSink()
    await report(
      rec.sink,
      summary({
        offers: [],
        runErrors: [
          {
            code: 'MANIFEST_INVALID',
            message: 'plans[0].package: file not found',
            source: { file: '/work/repo/marketplace.yml', line: 12, column: 5 }
          }
        ],
        counts: undefined
      })
    )
    expect(rec.annotations).toEqual([
      {
        level: 'error',
        message: 'plans[0].package: file not found',
        properties: {
          title: 'MANIFEST_INVALID',
          file: 'marketplace.yml',
          startLine: 12,
          startColumn: 5
        }
      }
    ])
    expect(rec.outputs.status).toBe('failed')
    expect(rec.failed).toHaveLength(1)
    expect(rec.summary.markdown).not.toContain('### Requests')
  })

  it('does not fail a successful run and writes validation warnings as warnings', async () => {
    const rec = recordingSink()
    await report(
      rec.sink,
      summary({
        offers: [result({ errors: [{ code: 'X', message: 'note', severity: 'Warning' }] })]
      })
    )
    expect(rec.failed).toEqual([])
    expect(rec.annotations).toEqual([
      { level: 'warning', message: 'note', properties: { title: 'contoso-analytics: X' } }
    ])
    expect(rec.outputs.status).toBe('preview')
  })

  it('says where a cancelled offer stopped', async () => {
    const rec = recordingSink()
    await report(
      rec.sink,
      summary({
        offers: [
          result({
            status: 'failed',
            stoppedAt: 'creating the submission',
            errors: [{ code: 'CANCELLED', message: 'Cancelled.' }]
          })
        ]
      })
    )
    expect(
      rec.annotations.some(
        a => a.level === 'warning' && a.message.includes('Stopped before creating the submission')
      )
    ).toBe(true)
    expect(rec.failed).toHaveLength(1)
  })
})
