// What a target did where the documents allow more than one answer ([open]): recorded on the
// test as an "observation" annotation, a fact for the reader of the results, never a verdict.
import { test } from '../runner/playwrightTest.ts'

export function observe(description: string): void {
  test.info().annotations.push({ type: 'observation', description })
}
