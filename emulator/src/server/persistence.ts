/**
 * --state-dir: the model's snapshot in DIR/state.json, loaded at start and saved after writes.
 * Saves are coalesced to one per event-loop turn and written atomically (temp file + rename),
 * so a killed emulator leaves the previous complete state, never half a file.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const STATE_FILE = 'state.json'

/** The saved snapshot, or undefined when DIR has none yet. */
export function loadState(dir: string): unknown {
  let text: string
  try {
    text = readFileSync(join(dir, STATE_FILE), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new Error(`${join(dir, STATE_FILE)} is not valid JSON: ${(error as Error).message}`)
  }
}

export interface StateSaver {
  /** Schedules a save of the current snapshot. */
  changed(): void
  /** Writes a pending save now (on stop). */
  flush(): void
}

export function createStateSaver(
  dir: string,
  snapshot: () => unknown,
  onError: (error: Error) => void
): StateSaver {
  mkdirSync(dir, { recursive: true })
  const file = join(dir, STATE_FILE)
  let pending: NodeJS.Immediate | undefined

  const write = (): void => {
    pending = undefined
    const temp = `${file}.${process.pid}.tmp`
    try {
      writeFileSync(temp, JSON.stringify(snapshot()))
      renameSync(temp, file)
    } catch (error) {
      // A full disk must not take the emulator down; the next write tries again.
      onError(error as Error)
    }
  }
  return {
    changed() {
      pending ??= setImmediate(write)
    },
    flush() {
      if (!pending) return
      clearImmediate(pending)
      write()
    }
  }
}
