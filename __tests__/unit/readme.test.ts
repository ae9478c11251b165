import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'

interface ActionYml {
  inputs: Record<string, { required?: boolean; default?: string }>
  outputs: Record<string, { description: string }>
}

const action = parse(readFileSync('action.yml', 'utf8')) as ActionYml
const readme = readFileSync('README.md', 'utf8')

/**
 * Rows of the README's markdown tables, keyed by the backticked name in the first cell, per table
 * (`Input` or `Output`, from the table's header): an input and an output may share a name.
 */
function tableRows(): Record<'Input' | 'Output', Map<string, string[]>> {
  const tables = { Input: new Map<string, string[]>(), Output: new Map<string, string[]>() }
  let current: Map<string, string[]> | undefined
  for (const line of readme.split('\n')) {
    const header = /^\| (Input|Output) +\|/.exec(line)
    if (header) current = tables[header[1] as 'Input' | 'Output']
    else if (!line.startsWith('|')) current = undefined
    // Prettier pads the cells, and a cell may hold an escaped pipe (`\|`).
    const m = /^\| `([a-z-]+)` +\|(.*)\|$/.exec(line)
    if (m && current)
      current.set(
        m[1],
        m[2].split(/(?<!\\)\|/).map(cell => cell.trim())
      )
  }
  return tables
}

describe('README inputs and outputs tables', () => {
  const rows = tableRows()

  it.each(Object.entries(action.inputs))('documents input %s with its default', (name, input) => {
    const row = rows.Input.get(name)
    expect(row).toBeDefined()
    const expected = input.required ? '**required**' : input.default ? `\`${input.default}\`` : ''
    expect(row?.[0]).toBe(expected)
  })

  it.each(Object.keys(action.outputs))('documents output %s', name => {
    expect(rows.Output.has(name)).toBe(true)
  })

  it('documents nothing that action.yml does not declare', () => {
    const declared = new Set([...Object.keys(action.inputs), ...Object.keys(action.outputs)])
    const section = readme.slice(
      readme.indexOf('## Inputs and outputs'),
      readme.indexOf('## The manifest')
    )
    const documented = [...section.matchAll(/^\| `([a-z-]+)` +\|/gm)].map(m => m[1])
    expect(documented.filter(name => !declared.has(name))).toEqual([])
  })

  it('starts with the two set-up commands', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? ''
    expect(firstBlock).toContain('npm install && npm run demo')
    expect(firstBlock).toContain('npm test')
  })
})
