// The workflow statuses in each group that getOrCreateWorkflow's discriminateByStatusGroup names
// (S15). The documents leave the groups open; these are the vendor's usage: a workflow that may
// still run is active, one that has ended is finished. Each status of the Workflow is in exactly
// one group (a unit test holds this against the schema's enum).
export const workflowStatusGroups = {
  active: ['pending', 'in_progress', 'listening', 'paused'],
  finished: ['completed', 'failed', 'timedout', 'cancelled'],
} as const satisfies Record<string, readonly string[]>

export type WorkflowStatusGroup = keyof typeof workflowStatusGroups

export function isInStatusGroup(status: string, group: WorkflowStatusGroup): boolean {
  return (workflowStatusGroups[group] as readonly string[]).includes(status)
}
