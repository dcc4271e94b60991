// The matrix a report draws: the 33 operations, 48 with the spec scope (rows, grouped by area) ×
// the rules (columns: S14-S19 only with the spec scope).
// A cell holds the checks of that operation and rule, at every level, and their worst status.
import { documentedRuleIds, ruleIds, type RuleId } from '../../contract/rules.ts'
import {
  worst,
  type CheckEntry,
  type CheckStatus,
  type ConformanceReport,
  type OperationEntry,
} from './conformanceReport.ts'

export interface MatrixCell {
  status: CheckStatus | undefined
  checks: CheckEntry[]
}

export interface MatrixRow {
  operation: OperationEntry
  cells: Record<RuleId, MatrixCell>
}

/** The matrix's columns: the spec scope's rules only when the run covered it. */
export function matrixRules(report: Pick<ConformanceReport, 'features'>): RuleId[] {
  return report.features.configured.includes('specScope') ? ruleIds : documentedRuleIds
}

export function reportMatrix(report: ConformanceReport): MatrixRow[] {
  const byCell = new Map<string, CheckEntry[]>()
  for (const check of report.checks) {
    const key = `${check.operation} ${check.rule}`
    byCell.set(key, [...(byCell.get(key) ?? []), check])
  }
  const rows = report.operations.map((operation) => {
    const cells = {} as Record<RuleId, MatrixCell>
    for (const rule of ruleIds) {
      const checks = byCell.get(`${operation.id} ${rule}`) ?? []
      cells[rule] = { status: checks.length > 0 ? worst(checks.map((c) => c.status)) : undefined, checks }
    }
    return { operation, cells }
  })
  // Grouped by area, in the order areas first appear in operations.json.
  const areas = [...new Set(rows.map((row) => row.operation.area))]
  return areas.flatMap((area) => rows.filter((row) => row.operation.area === area))
}

/** "3" when all passed, "1/3" when one of three failed (or was skipped). */
export function cellCount(cell: MatrixCell): string {
  const notPassed = cell.checks.filter((c) => c.status === cell.status).length
  return cell.status === 'passed' ? String(cell.checks.length) : `${notPassed}/${cell.checks.length}`
}
