/** Workflow-command annotations (`::error file=…,line=…::message`) printed by the action. */
export interface Annotation {
  level: 'error' | 'warning' | 'notice'
  properties: Record<string, string>
  message: string
}

export function annotations(stdout: string): Annotation[] {
  const found: Annotation[] = []
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^::(error|warning|notice)( [^:]*)?::(.*)$/.exec(line)
    if (!match) continue
    const properties = Object.fromEntries(
      (match[2] ?? '')
        .trim()
        .split(',')
        .filter(Boolean)
        .map(pair => {
          const eq = pair.indexOf('=')
          return [pair.slice(0, eq), unescape(pair.slice(eq + 1))]
        })
    )
    found.push({ level: match[1] as Annotation['level'], properties, message: unescape(match[3]) })
  }
  return found
}

/** The error annotations that name a problem: all but the closing "Marketplace publish failed". */
export function problems(stdout: string): Annotation[] {
  return annotations(stdout).filter(
    a => a.level === 'error' && !a.message.startsWith('Marketplace publish failed')
  )
}

/** Reverses @actions/core's escaping of command data and properties. */
function unescape(text: string): string {
  return text
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%')
}

/** Every warning annotation's message: GitHub's refusals must come to exactly one each. */
export function warnings(stdout: string): string[] {
  return annotations(stdout)
    .filter(a => a.level === 'warning')
    .map(a => `${a.properties.title}: ${a.message}`)
}
