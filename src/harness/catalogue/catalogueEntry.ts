// An entry of the catalogue of checks: what a check says about itself, and how it is judged —
// by a test that runs it, or by the reporter from the answers a run saw (a derived check).
import type { Level } from '../../contract/levels.ts'
import type { RuleId } from '../../contract/rules.ts'
import type { Check, CheckSpec } from '../checks/check.ts'

/** What every entry says about itself, whether a test runs it or the reporter derives it. */
interface EntryFacts extends CheckSpec {
  rule: RuleId
  level: Level
  /** The spec file (tests/<area>.spec.ts) that registers it; `answers` for derived entries. */
  area: string
  /** The line of that spec that registers it. */
  group: string
}

/** A check a test runs. */
export interface TestedEntry extends EntryFacts {
  derived: false
  run: Check['run']
}

/** A check the reporter judges from every answer of the run: success answers or error answers of one operation. */
export interface DerivedEntry extends EntryFacts {
  derived: true
  answers: 'success' | 'error'
}

export type CatalogueEntry = TestedEntry | DerivedEntry
