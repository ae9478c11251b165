/**
 * Through dist/ as the runner runs it: a field over Partner Center's limit fails before the first
 * write; a typo in api-base-url is said to be one, naming the input; an INPUT_* variable that
 * misspells an input gets one warning naming it; no secret and no OIDC stops before any request.
 */
import { expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runAction } from '../helpers/runner.js'
import { problems, warnings } from './annotations.js'
import { sessionForFile, writesToApi } from './session.js'
import { createWorkspace } from './workspace.js'

const session = sessionForFile()

it('fails a title over its limit at its line, before any write', async () => {
  const workspace = createWorkspace(['contoso-analytics'])
  const manifest = join(workspace, 'marketplace.yml')
  const text = readFileSync(manifest, 'utf8')
  writeFileSync(manifest, text.replace('title: Contoso Analytics', `title: ${'T'.repeat(201)}`))
  const line = text.split('\n').findIndex(l => l.includes('title: Contoso Analytics')) + 1
  await session.reset()
  const run = await runAction(session.env(), { workspace })
  expect(run.code).toBe(1)
  expect(problems(run.stdout)).toEqual([
    expect.objectContaining({
      message: expect.stringMatching(
        /^offers\[0\]\.listing\.title is 201 characters long; Partner Center takes at most 200 \(its limit for the offer name\)/
      ),
      properties: expect.objectContaining({ file: 'marketplace.yml', line: String(line) })
    })
  ])
  const requests = await session.requests()
  expect(writesToApi(requests)).toEqual([])
  expect(requests.every(r => /\/oauth2\//.test(r.path))).toBe(true)
})

it('says a wrong api-base-url is wrong, naming the input, not that the offer was deleted', async () => {
  const { ready } = session.emulator
  const typo = ready.apiBaseUrl.replace('/ingestion', '/ingestoin')
  await session.reset()
  const run = await runAction(session.env({ 'api-base-url': typo }), {
    workspace: createWorkspace(['contoso-analytics'])
  })
  expect(run.code).toBe(1)
  const errors = problems(run.stdout)
  expect(errors).toHaveLength(1)
  expect(errors[0].properties.title).toBe('contoso-analytics: HTTP_STATUS')
  expect(errors[0].message.startsWith(`${typo} is not the Ingestion API: `)).toBe(true)
  expect(errors[0].message).toContain(
    `Check the \`api-base-url\` input (default https://api.partner.microsoft.com/v1.0/ingestion): it is ${typo} in this run.`
  )
  expect(errors[0].message).not.toMatch(/deleted/)
  expect(writesToApi(await session.requests())).toEqual([])
})

it('warns once about INPUT_TENANT_ID, naming tenant-id, and stops on the missing input', async () => {
  const env = session.env()
  const tenant = env['INPUT_TENANT-ID']
  delete env['INPUT_TENANT-ID']
  await session.reset()
  const run = await runAction(
    { ...env, INPUT_TENANT_ID: tenant },
    { workspace: createWorkspace(['contoso-analytics']) }
  )
  expect(warnings(run.stdout)).toEqual([
    'Inputs: INPUT_TENANT_ID is not an input of this action and is ignored; did you mean tenant-id? Give it under `with:` as tenant-id (the runner passes it as INPUT_TENANT-ID).'
  ])
  expect(problems(run.stdout)).toEqual([
    expect.objectContaining({ message: expect.stringMatching(/^Input "tenant-id" is required/) })
  ])
  expect(run.code).toBe(1)
  expect(await session.requests()).toEqual([])
})

it('stops before any request when there is neither a client secret nor OIDC', async () => {
  await session.reset()
  const run = await runAction(session.env({ 'client-secret': '' }), {
    workspace: createWorkspace(['contoso-analytics'])
  })
  expect(run.code).toBe(1)
  expect(problems(run.stdout)).toEqual([
    expect.objectContaining({
      message: expect.stringMatching(
        /^No client secret was given \(the `client-secret` input\) and GitHub OIDC is not available to this job/
      ),
      properties: expect.objectContaining({ title: 'INPUT_INVALID' })
    })
  ])
  expect(await session.requests()).toEqual([])
})
