// The one catalogue of the suite's checks: every check, with its id, rule, level, operation and
// summary, grouped by area (one spec file each) and by group (one line of that spec each). The
// specs register the catalogue's checks as tests; the reporter, the coverage table, the levels and
// the self-test read it here, so none of them depends on what one run happened to run.
// Derived checks (`S1.createUser.answers` …) are entries too: the reporter judges them from every
// answer the run saw, instead of a test running them.
import { ruleOfCheck } from '../../contract/rules.ts'
import { countsAt, type Feature, type Level } from '../../contract/levels.ts'
import { actionChecks } from '../checks/actionChecks.ts'
import { lengthBoundaryChecks } from '../checks/boundaryChecks.ts'
import type { Check } from '../checks/check.ts'
import { dateChecks } from '../checks/dateChecks.ts'
import { documentedExampleChecks } from '../checks/discriminationChecks.ts'
import { discriminationProperty } from '../checks/discriminationPropertyChecks.ts'
import { derivedFilterChecks } from '../checks/derivedFilterChecks.ts'
import { derivedRequestChecks } from '../checks/derivedRequestChecks.ts'
import { enumerationChecks } from '../checks/enumerationChecks.ts'
import { eventChecks } from '../checks/eventChecks.ts'
import { integrationChecks } from '../checks/integrationChecks.ts'
import { listFindsCreated, participantFilter, tagFilterInBrackets } from '../checks/listChecks.ts'
import { messageDirectionChecks } from '../checks/messageChecks.ts'
import { analyticsChecks, cancelChecks, importChecks, initializeChecks } from '../checks/ingestionChecks.ts'
import { modelChecks } from '../checks/model/modelChecks.ts'
import { operationChecks, specOperationChecks } from '../checks/operationChecks.ts'
import { pagesProperty } from '../checks/manyPagesChecks.ts'
import { participantChecks } from '../checks/participantChecks.ts'
import { concurrentGetOrCreateOneId } from '../checks/raceChecks.ts'
import { rangeBoundaryChecks } from '../checks/rangeChecks.ts'
import { readAfterWriteChecks } from '../checks/readAfterWriteChecks.ts'
import { conversationKind, messageKind, taggedKinds, userKind, type TaggedKind } from '../checks/resourceKinds.ts'
import { stateChecks } from '../checks/stateChecks.ts'
import { tagUpdateChecks } from '../checks/tagChecks.ts'
import { tagPropertyChecks } from '../checks/tagPropertyChecks.ts'
import { tagValueChecks } from '../checks/tagValueChecks.ts'
import { taskChecks } from '../checks/taskChecks.ts'
import { workflowChecks } from '../checks/workflowChecks.ts'
import { answerEntries } from './answerEntries.ts'
import type { CatalogueEntry, TestedEntry } from './catalogueEntry.ts'

export type { CatalogueEntry, TestedEntry } from './catalogueEntry.ts'

type Groups = Record<string, () => Check[]>

/** The behaviour of a resource that users, conversations and messages share, one group per rule. */
const taggedResourceGroups = (kind: TaggedKind): Groups => ({
  'read-after-write': () => readAfterWriteChecks(kind),
  tags: () => tagUpdateChecks(kind),
  'get-or-create': () => documentedExampleChecks(kind),
  lists: () => [listFindsCreated(kind), tagFilterInBrackets(kind)],
  dates: () => dateChecks(kind),
})

/** One group per tagged kind (users, conversations, messages). */
const perKind = (make: (kind: TaggedKind) => Check | Check[]): Groups =>
  Object.fromEntries(taggedKinds.map((kind) => [kind.plural, (): Check[] => [make(kind)].flat()]))

/** Area → group → the checks of that group, in the order the spec registers them. */
const areas: Record<string, Groups> = {
  users: { ...taggedResourceGroups(userKind), operations: () => operationChecks('users') },
  conversations: {
    ...taggedResourceGroups(conversationKind),
    'participant-filter': () => [participantFilter],
    operations: () => operationChecks('conversations'),
  },
  messages: {
    ...taggedResourceGroups(messageKind),
    direction: () => messageDirectionChecks,
    operations: () => operationChecks('messages'),
    // The spec scope (CONFORMANCE_SPEC_SCOPE): importMessages (S17), initializeIncomingMessage (S18).
    import: importChecks,
    initialize: initializeChecks,
    'spec-operations': () => specOperationChecks('messages'),
  },
  participants: { behaviour: () => participantChecks, operations: () => operationChecks('participants') },
  events: {
    behaviour: () => eventChecks,
    operations: () => operationChecks('events'),
    // The spec scope: cancelScheduledEvent (S16).
    'cancel-scheduled': cancelChecks,
    'spec-operations': () => specOperationChecks('events'),
  },
  states: { behaviour: () => stateChecks(), operations: () => operationChecks('states') },
  actions: { behaviour: () => actionChecks, operations: () => operationChecks('actions') },
  integrations: { behaviour: () => integrationChecks, operations: () => operationChecks('integrations') },
  tags: { 'tag-values': () => tagValueChecks(), operations: () => operationChecks('tags') },
  // The spec scope (CONFORMANCE_SPEC_SCOPE): tasks (S14), workflows (S15), analytics (S19).
  tasks: {
    'read-after-write': taskChecks.readAfterWrite,
    lists: taskChecks.lists,
    operations: () => specOperationChecks('tasks'),
  },
  workflows: {
    'read-after-write': workflowChecks.readAfterWrite,
    status: workflowChecks.status,
    'get-or-create': workflowChecks['get-or-create'],
    lists: workflowChecks.lists,
    operations: () => specOperationChecks('workflows'),
  },
  analytics: { behaviour: analyticsChecks, operations: () => specOperationChecks('analytics') },
  boundaries: { lengths: lengthBoundaryChecks, ranges: rangeBoundaryChecks },
  enumerations: { enumerations: enumerationChecks },
  pagination: perKind(pagesProperty),
  tagProperties: perKind(tagPropertyChecks),
  discriminationProperties: perKind(discriminationProperty),
  races: perKind(concurrentGetOrCreateOneId),
  derivedCoverage: {
    bodies: () => derivedRequestChecks('body'),
    queries: () => derivedRequestChecks('query'),
    filters: derivedFilterChecks,
  },
  model: { sequences: modelChecks },
}

/** The area of the derived entries: no spec registers them. */
const derivedArea = 'answers'

function testedEntry(check: Check, area: string, group: string): TestedEntry {
  return { ...check.spec, rule: check.rule, level: check.level, area, group, derived: false, run: check.run }
}

export class Catalogue {
  readonly entries: readonly CatalogueEntry[]
  private readonly byId: ReadonlyMap<string, CatalogueEntry>

  constructor(entries: readonly CatalogueEntry[]) {
    const byId = new Map<string, CatalogueEntry>()
    for (const entry of entries) {
      if (byId.has(entry.id)) throw new Error(`harness bug: two checks have the id ${entry.id}`)
      if (ruleOfCheck(entry.id) !== entry.rule)
        throw new Error(`harness bug: ${entry.id} does not start with ${entry.rule}`)
      byId.set(entry.id, entry)
    }
    this.entries = entries
    this.byId = byId
  }

  /** The checks one line of a spec registers. */
  group(area: string, group: string): TestedEntry[] {
    const found = this.entries.filter((e): e is TestedEntry => !e.derived && e.area === area && e.group === group)
    if (found.length === 0) throw new Error(`harness bug: the catalogue has no group ${area}/${group}`)
    return found
  }

  /** The names of an area's groups, in order. */
  groupsOf(area: string): string[] {
    return [...new Set(this.entries.filter((e) => e.area === area).map((e) => e.group))]
  }

  get(id: string): CatalogueEntry | undefined {
    return this.byId.get(id)
  }

  /** The entries at a level: core's everywhere; strict's and full's at their own level only. */
  atLevel(level: Level, configured: ReadonlySet<Feature>): CatalogueEntry[] {
    return this.entries.filter((entry) => countsAt(entry, level, configured))
  }
}

function build(): Catalogue {
  const tested = Object.entries(areas).flatMap(([area, groups]) =>
    Object.entries(groups).flatMap(([group, checks]) => checks().map((check) => testedEntry(check, area, group))),
  )
  return new Catalogue([...tested, ...answerEntries(derivedArea, tested)])
}

let built: Catalogue | undefined
/** The suite's catalogue, built once per process on first use. */
export function catalogue(): Catalogue {
  built ??= build()
  return built
}
