// S7 and S4: listTagValues with each documented `type` lists every value a tag key has on that
// kind of resource once, across its pages, and none the key has only on another kind.
import { documentedValues } from '../../../fixtures/contractFields.ts'
import { defineCheck, type Check } from './check.ts'
import { expectListed, walkPages } from './listWalk.ts'
import { conversationKind, messageKind, userKind, type TaggedKind } from './resourceKinds.ts'
import { createResource } from './taggedResource.ts'

const kindOfType: Record<string, TaggedKind> = { user: userKind, conversation: conversationKind, message: messageKind }

/** The `type` values of listTagValues, read from its query schema. */
const tagValueTypes = (): string[] => documentedValues('queries/listTagValues.json', 'type')

const valuesListed = (type: string): Check => {
  const kind = kindOfType[type]
  if (!kind) throw new Error(`harness bug: no resource kind for listTagValues type ${type}`)
  const other = kind === userKind ? conversationKind : userKind
  return defineCheck(
    {
      id: `S7.tag-values.${type}`,
      operation: 'listTagValues',
      summary: `listTagValues with type ${type} lists each value of a key on ${kind.plural} once, across pages, and none it has only on ${other.plural}`,
    },
    async (f) => {
      const key = f.values.tagKey()
      const wanted = [f.values.unique('first'), f.values.unique('second')]
      for (const value of wanted) await createResource(f, kind, { [key]: value })
      const elsewhere = f.values.unique('elsewhere')
      await createResource(f, other, { [key]: elsewhere })
      const walk = await walkPages<{ value: string }>(f.api, 'listTagValues', 'tags', {
        params: { key },
        query: { type },
      })
      expectListed(walk, {
        keyOf: (item) => item.value,
        wanted,
        outside: [elsewhere],
        filter: `the values of ${key} on ${kind.plural}`,
      })
    },
  )
}

export const tagValueChecks = (): Check[] => tagValueTypes().map(valuesListed)
