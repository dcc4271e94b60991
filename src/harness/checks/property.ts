// A check that holds for generated cases (fast-check): seeded with the check's own seed, so the
// run's CONFORMANCE_SEED replays the same cases, CONFORMANCE_CASES of them. A failing case is
// shrunk to the smallest one that still fails, run once more on its own (its requests are the
// failure's replay), and the failure says how to run it again.
import fc from 'fast-check'
import type { CheckContext } from './checkContext.ts'
import { defineCheck, type Check, type CheckSpec } from './check.ts'
import { ConformanceFailure } from './expectations.ts'

const shownInFirstLine = 240

function failureLines(error: unknown): string[] {
  if (error instanceof Error) return error.message.split('\n')
  return [error === undefined || error === null ? 'the property failed' : JSON.stringify(error)]
}

/** The message of a failed property: the target's failure first, then the smallest case and the replay. */
export function propertyFailure(
  checkId: string,
  runSeed: number,
  cases: number,
  details: fc.RunDetails<[unknown]>,
): string {
  const [first = 'the property failed', ...rest] = failureLines(details.errorInstance)
  const replay = `CONFORMANCE_SEED=${runSeed} npm run certify -- --grep "${checkId}"`
  if (!details.counterexample) return [`${first} — replay: ${replay}`, ...rest].join('\n')
  const example = fc.stringify(details.counterexample[0])
  const short = example.length > shownInFirstLine ? `${example.slice(0, shownInFirstLine)}…` : example
  return [
    `${first} — smallest failing case: ${short}; replay: ${replay}`,
    ...rest,
    `property ${checkId} failed on case ${details.numRuns} of ${cases}, shrunk ${details.numShrinks} times`,
    `smallest failing case: ${example}`,
    `replay: ${replay} (fast-check seed ${details.seed}, path "${details.counterexamplePath ?? ''}")`,
  ].join('\n')
}

/** Generated cases, and cases always tried first (a table's rows). */
export interface CaseSource<T> {
  arbitrary: fc.Arbitrary<T>
  examples?: T[]
}

/** A check whose body must hold for every case the arbitrary generates (and every example). */
export function defineProperty<T>(
  spec: CheckSpec,
  cases: (context: CheckContext) => fc.Arbitrary<T> | CaseSource<T> | Promise<fc.Arbitrary<T> | CaseSource<T>>,
  holds: (context: CheckContext, value: T) => Promise<void>,
): Check {
  return defineCheck(spec, async (f) => {
    const source = await cases(f)
    const { arbitrary, examples = [] } = source instanceof fc.Arbitrary ? { arbitrary: source } : source
    // fast-check counts examples within numRuns: every example, then CONFORMANCE_CASES generated cases.
    const runs = examples.length + f.harness.cases
    const details = await fc.check(
      fc.asyncProperty(arbitrary, (value) => holds(f, value)),
      { seed: f.values.seed, numRuns: runs, examples: examples.map((example): [T] => [example]) },
    )
    if (!details.failed) return
    const [smallest] = details.counterexample ?? []
    if (details.counterexample) {
      // The smallest failing case once more, its requests alone: a failure's replay is this run.
      f.api.log.markReplayStart()
      try {
        await holds(f, smallest as T)
      } catch {
        // It failed again, as expected; the failure below says what fast-check found.
      }
    }
    throw new ConformanceFailure(propertyFailure(spec.id, f.harness.seed, runs, details as fc.RunDetails<[unknown]>))
  })
}
