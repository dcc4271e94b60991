// What a target did where the documents allow more than one answer ([open]): recorded on the
// test as an "observation" annotation, a fact for the reader of the results, never a verdict.
import { test } from '../runner/playwrightTest.ts'

export function observe(description: string): void {
  let info: ReturnType<typeof test.info>
  try {
    info = test.info()
  } catch {
    // Outside a Playwright test (a check run by the harness's own tests): nobody to tell.
    return
  }
  info.annotations.push({ type: 'observation', description })
}
