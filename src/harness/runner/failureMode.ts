// Playwright discards a worker after every failed test and starts a new one (Node, the loader,
// the spec's imports, the schemas, a request context): 1–2 s per failure, so a target failing
// most checks took minutes. A test marked as expected to fail does not cost that. When every
// reporter of the run is ours, which judges a check by its status alone, a failing check marks
// itself expected-to-fail before it rethrows, with an annotation saying why; the reporter counts
// it failed, prints it failed, writes it failed to JUnit and fails the run. With any other
// reporter (list, blob, junit …), or with --retries, a failure stays a plain failure.
import type { FullConfig } from '@playwright/test'

/** The annotation a failed check carries when it kept its worker. */
export const keptWorkerAnnotation = 'check failed'

/** The file name of our reporter, as Playwright's config lists it (a path, .ts or compiled .js). */
const ourReporter = /(^|[\\/])conformanceReporter\.(ts|js|mjs)$/

/** Whether a failing check may keep its worker: only when every reporter judges by status, as ours does. */
export function failuresKeepWorker(config: Pick<FullConfig, 'reporter'>): boolean {
  return config.reporter.length > 0 && config.reporter.every(([name]) => ourReporter.test(name))
}
