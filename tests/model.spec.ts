// Stateful model-based runs: random sequences of calls across the operations, compared after each
// call with a model of the documented behaviour, one check per rule family (S5-S11, and the
// [usage] rules of S5 and S11 at the strict level). A failure is shrunk to the shortest sequence
// that still fails, which the report shows and CONFORMANCE_SEED replays.
import { checkTests } from '../src/harness/runner/checkTests.ts'
import { test } from '../src/harness/runner/playwrightTest.ts'

for (const t of checkTests('model', 'sequences')) test(t.title, t.details, t.body)
