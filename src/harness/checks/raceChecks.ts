// S6 [usage]: get-or-create calls with the same input that run at the same time return one
// resource; a target that creates several has a race. The 20 simultaneous calls are
// always sent; generated cases vary the tags and the number of calls, so a race shrinks to the
// fewest simultaneous calls that still make two resources.
import fc from 'fast-check'
import { sentTags, tagMaps } from '../../../fixtures/tagMaps.ts'
import type { Tags } from '../../contract/types.ts'
import type { Check } from './check.ts'
import { expectThat } from './expectations.ts'
import { defineProperty } from './property.ts'
import type { TaggedKind } from './resourceKinds.ts'
import { resourceOf } from './taggedResource.ts'
import { propertyTagKeys } from './tagPropertyChecks.ts'

const simultaneousCalls = 20

interface RaceCase {
  calls: number
  tags: Tags
}

export const concurrentGetOrCreateOneId = (kind: TaggedKind): Check =>
  defineProperty<RaceCase>(
    {
      id: `S6.${kind.name}.concurrent-get-or-create-one-id`,
      operation: kind.ops.getOrCreate,
      summary: `${simultaneousCalls} simultaneous ${kind.ops.getOrCreate} calls with the same input return one ${kind.name}`,
      usage: true,
    },
    async (f) => {
      const keys = await propertyTagKeys(f, kind, 1)
      return {
        arbitrary: fc.record({ calls: fc.integer({ min: 2, max: simultaneousCalls }), tags: tagMaps(keys) }),
        examples: [{ calls: simultaneousCalls, tags: Object.fromEntries(keys.map((key) => [key, ''])) }],
      }
    },
    async (f, { calls, tags }) => {
      const body = await kind.newBody(f, sentTags(f.values, tags))
      const replies = await Promise.all(Array.from({ length: calls }, () => f.api.call(kind.ops.getOrCreate, { body })))
      const ids = replies.map((reply) => resourceOf(kind, reply).id)
      const distinct = [...new Set(ids)]
      const culprit = replies[ids.findIndex((id) => id !== ids[0])] ?? replies[0]
      expectThat(
        distinct.length === 1,
        culprit as (typeof replies)[number],
        `${calls} simultaneous calls with the same input must return one ${kind.name}, returned ${distinct.length}: ${distinct.slice(0, 4).join(', ')}${distinct.length > 4 ? ', …' : ''}`,
      )
    },
  )
