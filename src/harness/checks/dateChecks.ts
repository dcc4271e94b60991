// S2: createdAt and updatedAt are ISO date-times (the schema checks that), updatedAt is never
// before createdAt [doc], and an update moves updatedAt forward and leaves createdAt [usage].
import { defineCheck, type Check } from './check.ts'
import { expectThat } from './expectations.ts'
import type { TaggedKind } from './resourceKinds.ts'
import { createResource, resourceOf } from './taggedResource.ts'

const updatedNotBeforeCreated = (kind: TaggedKind): Check =>
  defineCheck(
    {
      id: `S2.${kind.name}.updated-not-before-created`,
      operation: kind.ops.create,
      summary: `a created ${kind.name}'s updatedAt is not before its createdAt`,
    },
    async (f) => {
      const { resource, reply } = await createResource(f, kind)
      expectThat(
        Date.parse(resource.updatedAt) >= Date.parse(resource.createdAt),
        reply,
        `updatedAt ${resource.updatedAt} is before createdAt ${resource.createdAt}`,
      )
    },
  )

const updateMovesUpdatedAt = (kind: TaggedKind): Check =>
  defineCheck(
    {
      id: `S2.${kind.name}.update-moves-updatedAt`,
      operation: kind.ops.update,
      summary: `${kind.ops.update} moves updatedAt forward and keeps createdAt`,
      usage: true,
    },
    async (f) => {
      const { resource } = await createResource(f, kind)
      // Far enough apart that a millisecond clock must show the update as later.
      await f.api.wait(20, 'updatedAt must be able to move forward on a millisecond clock')
      const reply = await f.api.call(kind.ops.update, {
        params: { id: resource.id },
        body: kind.updateBody(f, f.values.tags(1)),
      })
      const updated = resourceOf(kind, reply)
      expectThat(
        updated.createdAt === resource.createdAt,
        reply,
        `createdAt changed from ${resource.createdAt} to ${updated.createdAt}`,
      )
      expectThat(
        Date.parse(updated.updatedAt) > Date.parse(resource.updatedAt),
        reply,
        `updatedAt ${updated.updatedAt} is not after the previous ${resource.updatedAt}`,
      )
    },
  )

export const dateChecks = (kind: TaggedKind): Check[] => [updatedNotBeforeCreated(kind), updateMovesUpdatedAt(kind)]
