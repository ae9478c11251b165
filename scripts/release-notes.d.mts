// Types of release-notes.mjs for its unit test (__tests__/unit/release-notes.test.ts).
export function releaseNotes(
  changelog: string,
  version: string
): { notes: string; problem?: undefined } | { problem: string; notes?: undefined }
