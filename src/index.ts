// The library: `import { certify } from 'runtime-chat-conformance'` runs a certification from a
// test runner and resolves with its report. docs/library.md shows it in use.
export { certify, CertificationError, type CertifyOptions, type CertifySettings } from './library/certify.ts'
export { exitCodeOf, exitCodes } from './harness/reporting/exitCodes.ts'
export type {
  CheckEntry,
  CheckStatus,
  ConformanceReport,
  LevelResult,
  Verdict,
} from './harness/reporting/conformanceReport.ts'
export type { Level } from './contract/levels.ts'
