/**
 * The runner hands each input to the action as INPUT_<NAME>: the name upper-cased, spaces as `_`,
 * hyphens kept (`tenant-id` → INPUT_TENANT-ID). A variable set by hand under `env:` as
 * INPUT_TENANT_ID is no input, and @actions/core ignores it without a word; each such variable
 * that is a likely misspelling of an input gets a warning naming the input meant.
 */
import { nearest } from './manifest/suggest.js'
import { INPUT_NAMES } from './settings.js'

const INPUTS: readonly string[] = Object.values(INPUT_NAMES)
/** Edits (after `_` → `-`) that still read as a misspelling: INPUT_TENANTID, INPUT_CLIENT_SCRET. */
const MAX_EDITS = 2

/** The variable the runner sets for an input, as @actions/core's getInput reads it. */
export function inputVariable(input: string): string {
  return `INPUT_${input.replace(/ /g, '_').toUpperCase()}`
}

export interface MisnamedInput {
  variable: string
  input: string
}

export function misnamedInputs(env: NodeJS.ProcessEnv): MisnamedInput[] {
  const known = new Set(INPUTS.map(inputVariable))
  const found: MisnamedInput[] = []
  for (const variable of Object.keys(env).sort()) {
    if (!variable.startsWith('INPUT_') || known.has(variable)) continue
    const spelt = variable.slice('INPUT_'.length).toLowerCase().replace(/_/g, '-')
    const input = nearest(spelt, INPUTS, MAX_EDITS)
    if (input) found.push({ variable, input })
  }
  return found
}

export function misnamedInputWarning({ variable, input }: MisnamedInput): string {
  return `${variable} is not an input of this action and is ignored; did you mean ${input}? Give it under \`with:\` as ${input} (the runner passes it as ${inputVariable(input)}).`
}
