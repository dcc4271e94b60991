// Everything one `npm run bench` measured: what bench.json holds and the report is written from.
import type { CertificationResults } from './certificationRuns.ts'
import type { GrowthCase, GrowthOptions } from './growth.ts'
import type { OverheadResult } from './harnessOverhead.ts'
import type { PropertyResult } from './propertyCases.ts'
import type { LoadComparison, LoadOptions } from './referenceLoad.ts'

export const sectionIds = ['certification', 'overhead', 'reference', 'growth', 'properties'] as const
export type SectionId = (typeof sectionIds)[number]

export interface Machine {
  node: string
  cpus: number
  cpuModel: string
  /** One-minute load average when the bench started: other work on the machine skews everything. */
  loadAverage: number
}

export interface BenchResults {
  startedAt: string
  finishedAt: string
  machine: Machine
  quick: boolean
  certification?: CertificationResults
  overhead?: OverheadResult
  reference?: { options: LoadOptions; comparisons: LoadComparison[] }
  growth?: { options: GrowthOptions; cases: GrowthCase[] }
  properties?: PropertyResult
  /** Sections that failed to run, with why. */
  errors: Partial<Record<SectionId, string>>
}
