// Every check that users, conversations and messages share, for one kind.
import type { Check } from './check.ts'
import { dateChecks } from './dateChecks.ts'
import { documentedExampleChecks } from './discriminationChecks.ts'
import { listFindsCreated } from './listChecks.ts'
import { readAfterWriteChecks } from './readAfterWriteChecks.ts'
import type { TaggedKind } from './resourceKinds.ts'
import { tagUpdateChecks } from './tagChecks.ts'

export const taggedResourceChecks = (kind: TaggedKind): Check[] => [
  ...readAfterWriteChecks(kind),
  ...tagUpdateChecks(kind),
  ...documentedExampleChecks(kind),
  listFindsCreated(kind),
  ...dateChecks(kind),
]
