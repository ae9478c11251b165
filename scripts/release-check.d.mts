// Types of release-check.mjs for the TypeScript tests (__tests__/unit/release-check.test.ts,
// __tests__/unit/workflows.test.ts).
export interface ActionReference {
  line: number
  repository: string
  ref: string
}

export interface Doc {
  file: string
  text: string
}

export interface ReleaseProblem {
  message: string
  file?: string
  line?: number
}

export function actionReferences(text: string): ActionReference[]

export function releaseProblems(release: {
  tag: string
  repository: string
  version: string
  docs: Doc[]
}): ReleaseProblem[]

export function readDocs(root: string): Doc[]
