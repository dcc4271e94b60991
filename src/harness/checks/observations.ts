// What a target did where the documents allow more than one answer ([open]): recorded on the
// test as an "observation" annotation, a fact for the reader of the results, never a verdict.
import { runningTest } from '../runner/playwrightTest.ts'

/** Outside a Playwright test (a check run by the harness's own tests) there is nobody to tell. */
export function observe(description: string): void {
  runningTest()?.annotations.push({ type: 'observation', description })
}
