// S8: what is created is readable as created, an update is visible, a delete is final. (A get of
// an id that never existed is S13.get<Kind>.unknown-id-404, one of every operation's failure paths.)
import { notFound } from '../../contract/documentedErrors.ts'
import { defineCheck, type Check } from './check.ts'
import { expectError, expectSuccess, expectThat } from './expectations.ts'
import { fieldDiff, subsetDiff } from './fieldDiff.ts'
import type { TaggedKind } from './resourceKinds.ts'
import { createResource, echoedFields, getResource, resourceOf } from './taggedResource.ts'

const createdIsReadable = (kind: TaggedKind): Check =>
  defineCheck(
    {
      id: `S8.${kind.name}.create-then-get`,
      operation: kind.ops.get,
      summary: `a created ${kind.name} is returned by ${kind.ops.get} with the same fields`,
    },
    async (f) => {
      const { body, resource, reply: created } = await createResource(f, kind, f.values.tags(2))
      const echoed = subsetDiff(echoedFields(body), resource)
      expectThat(echoed === undefined, created, `the created ${kind.name} must show what was sent: ${echoed}`)
      const reply = await getResource(f, kind, resource.id)
      const diff = fieldDiff(resource, resourceOf(kind, reply))
      expectThat(diff === undefined, reply, `must return the ${kind.name} as ${kind.ops.create} returned it: ${diff}`)
    },
  )

const updateIsVisible = (kind: TaggedKind): Check =>
  defineCheck(
    {
      id: `S8.${kind.name}.update-then-get`,
      operation: kind.ops.update,
      summary: `an update of a ${kind.name} is visible to the next ${kind.ops.get}`,
    },
    async (f) => {
      const { resource } = await createResource(f, kind, f.values.tags(1))
      const update = kind.updateBody(f, f.values.tags(1))
      const updatedReply = await f.api.call(kind.ops.update, { params: { id: resource.id }, body: update })
      const updated = resourceOf(kind, updatedReply)
      const changed = subsetDiff(update.tags as Record<string, unknown>, updated.tags)
      expectThat(changed === undefined, updatedReply, `the answer must carry the tags sent: ${changed}`)
      const others = subsetDiff({ ...update, tags: updated.tags }, updated)
      expectThat(others === undefined, updatedReply, `the answer must carry the fields sent: ${others}`)
      const reply = await getResource(f, kind, resource.id)
      const diff = fieldDiff(updated, resourceOf(kind, reply))
      expectThat(diff === undefined, reply, `must return the ${kind.name} as ${kind.ops.update} returned it: ${diff}`)
    },
  )

const deletedIsGone = (kind: TaggedKind): Check =>
  defineCheck(
    {
      id: `S8.${kind.name}.delete-then-404`,
      operation: kind.ops.delete,
      summary: `${kind.ops.delete} answers {} and a later ${kind.ops.get} answers 404 ResourceNotFound`,
    },
    async (f) => {
      const { resource } = await createResource(f, kind)
      expectSuccess(await f.api.call(kind.ops.delete, { params: { id: resource.id } }))
      expectError(await getResource(f, kind, resource.id), notFound, `after ${kind.ops.delete}`)
    },
  )

export const readAfterWriteChecks = (kind: TaggedKind): Check[] => [
  createdIsReadable(kind),
  updateIsVisible(kind),
  deletedIsGone(kind),
]
