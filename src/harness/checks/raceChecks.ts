// S6 [usage]: get-or-create calls with the same input that run at the same time return one
// resource; a target that creates several has a race.
import type { Check } from './check.ts'
import { defineCheck } from './check.ts'
import { expectThat } from './expectations.ts'
import type { TaggedKind } from './resourceKinds.ts'
import { resourceOf } from './taggedResource.ts'

export const simultaneousCalls = 20

export const concurrentGetOrCreateOneId = (kind: TaggedKind): Check =>
  defineCheck(
    {
      id: `S6.${kind.name}.concurrent-get-or-create-one-id`,
      operation: kind.ops.getOrCreate,
      summary: `${simultaneousCalls} simultaneous ${kind.ops.getOrCreate} calls with the same input return one ${kind.name}`,
      usage: true,
    },
    async (f) => {
      const body = await kind.newBody(f, f.values.tags(2))
      const replies = await Promise.all(Array.from({ length: simultaneousCalls }, () => f.api.call(kind.ops.getOrCreate, { body })))
      const ids = replies.map((reply) => resourceOf(kind, reply).id)
      const distinct = [...new Set(ids)]
      const culprit = replies[ids.findIndex((id) => id !== ids[0])] ?? replies[0]
      expectThat(
        distinct.length === 1,
        culprit as (typeof replies)[number],
        `${simultaneousCalls} simultaneous calls with the same input must return one ${kind.name}, returned ${distinct.length}: ${distinct.join(', ')}`,
      )
    },
  )
