// S6 over random tags and discriminators (fixtures/discriminationCases.ts), for users, conversations
// and messages, within one channel and one conversation: identical input finds the same
// resource; with a discriminator, a different value on a listed key makes a new one and
// different values on unlisted keys do not; without one, any differing tag makes a new one.
import { discriminationCases } from '../../../fixtures/discriminationCases.ts'
import { sentTags } from '../../../fixtures/tagMaps.ts'
import type { Tags } from '../../contract/types.ts'
import type { Check } from './check.ts'
import { expectThat } from './expectations.ts'
import { defineProperty } from './property.ts'
import type { TaggedKind } from './resourceKinds.ts'
import { resourceOf } from './taggedResource.ts'
import { propertyTagKeys } from './tagPropertyChecks.ts'

export const discriminationProperty = (kind: TaggedKind): Check =>
  defineProperty(
    {
      id: `S6.${kind.name}.discrimination-property`,
      operation: kind.ops.getOrCreate,
      summary: `${kind.ops.getOrCreate} over random tags and discriminators: identical input, or a difference on unlisted keys only, finds the same ${kind.name}; a differing listed key, or any differing tag without a discriminator, makes a new one`,
    },
    async (f) => discriminationCases(await propertyTagKeys(f, kind, 2)),
    async (f, c) => {
      // One body for the whole case: only the tags and the discriminator change between probes.
      const base = await kind.newBody(f, {})
      const ask = async (tags: Tags, discriminateByTags?: string[]) => {
        const body = {
          ...base,
          tags: { ...(base.tags as Tags), ...tags },
          ...(discriminateByTags ? { discriminateByTags } : {}),
        }
        const reply = await f.api.call(kind.ops.getOrCreate, { body })
        return { reply, id: resourceOf(kind, reply).id }
      }
      const tags = sentTags(f.values, c.tags)
      const changed = (keys: string[]) => ({
        ...tags,
        ...sentTags(f.values, Object.fromEntries(keys.map((key) => [key, c.tags[key] as string]))),
      })
      const listed = `with discriminateByTags ${JSON.stringify(c.listed)}`

      const existing = await ask(tags)
      const again = await ask(tags)
      expectThat(
        again.id === existing.id,
        again.reply,
        `identical input must return the same ${kind.name} ${existing.id}, returned ${again.id}`,
      )

      const unlisted = Object.keys(c.tags).filter((key) => !c.listed.includes(key))
      const same = await ask(changed(unlisted), c.listed)
      expectThat(
        same.id === existing.id,
        same.reply,
        `${listed}, tags that differ only on unlisted keys (${unlisted.join(', ')}) must return the existing ${kind.name} ${existing.id}, returned ${same.id}`,
      )

      const listedDiffers = await ask(changed([c.listedChanged]), c.listed)
      expectThat(
        listedDiffers.id !== existing.id,
        listedDiffers.reply,
        `${listed}, a different value on the listed key ${c.listedChanged} must make a new ${kind.name}, returned the existing ${existing.id}`,
      )

      const anyDiffers = await ask(changed([c.anyChanged]))
      expectThat(
        anyDiffers.id !== existing.id && anyDiffers.id !== listedDiffers.id,
        anyDiffers.reply,
        `without a discriminator, a different value on the tag ${c.anyChanged} must make a new ${kind.name}, returned ${anyDiffers.id}, which this case had made before`,
      )
    },
  )
