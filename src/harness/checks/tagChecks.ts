// S5: in an update, a key sent with "" is removed [doc]; keys not sent are kept [usage].
import { defineCheck, type Check } from './check.ts'
import { expectThat } from './expectations.ts'
import type { TaggedKind } from './resourceKinds.ts'
import { createResource, getResource, resourceOf } from './taggedResource.ts'

const emptyValueUnsetsTag = (kind: TaggedKind): Check =>
  defineCheck(
    {
      id: `S5.${kind.name}.empty-value-unsets`,
      operation: kind.ops.update,
      summary: `${kind.ops.update} with a tag set to "" removes that tag`,
    },
    async (f) => {
      const key = f.values.tagKey()
      const { resource } = await createResource(f, kind, { [key]: f.values.unique('v') })
      const updated = await f.api.call(kind.ops.update, {
        params: { id: resource.id },
        body: kind.updateBody(f, { [key]: '' }),
      })
      expectThat(
        !(key in resourceOf(kind, updated).tags),
        updated,
        `tag ${key} sent as "" must be gone from the answer`,
      )
      const fetched = await getResource(f, kind, resource.id)
      expectThat(
        !(key in resourceOf(kind, fetched).tags),
        fetched,
        `tag ${key} unset by ${kind.ops.update} must stay gone`,
      )
    },
  )

const unsentTagsKept = (kind: TaggedKind): Check =>
  defineCheck(
    {
      id: `S5.${kind.name}.unsent-tags-kept`,
      operation: kind.ops.update,
      summary: `${kind.ops.update} keeps the tags it was not sent`,
      usage: true,
    },
    async (f) => {
      const kept = f.values.tags(2)
      const { resource } = await createResource(f, kind, kept)
      const updated = await f.api.call(kind.ops.update, {
        params: { id: resource.id },
        body: kind.updateBody(f, f.values.tags(1)),
      })
      const tags = resourceOf(kind, updated).tags
      const lost = Object.keys(kept).filter((key) => tags[key] !== kept[key])
      expectThat(lost.length === 0, updated, `tags not sent must be kept, lost ${lost.join(', ')}`)
    },
  )

export const tagUpdateChecks = (kind: TaggedKind): Check[] => [emptyValueUnsetsTag(kind), unsentTagsKept(kind)]
