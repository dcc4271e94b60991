// S5 and S7 over random tag maps, for users, conversations and messages: tags come back exactly
// as sent; an update sets the keys sent and removes those sent as ""; a tag filter lists exactly
// the resources that carry every tag of the filter.
import {
  caseTags,
  sentTags,
  symbolicTagMaps,
  tagKeyPool,
  tagMaps,
  tagUpdates,
  unset,
} from '../../../fixtures/tagMaps.ts'
import fc from 'fast-check'
import type { Reply } from '../client/runtimeClient.ts'
import type { CheckContext } from './checkContext.ts'
import type { Tags } from '../../contract/types.ts'
import type { Check } from './check.ts'
import { expectThat } from './expectations.ts'
import { matchesFilter } from './listChecks.ts'
import { byId, expectListed, walkPages } from './listWalk.ts'
import { defineProperty } from './property.ts'
import type { TaggedKind } from './resourceKinds.ts'
import { createResource, getResource, resourceOf, type TaggedResource } from './taggedResource.ts'

/** How many tag keys a property draws its maps from. */
const poolSize = 3

/** The keys a property may use, drawn after those the kind itself puts on every resource. */
export async function propertyTagKeys(f: CheckContext, kind: TaggedKind, minimum: number): Promise<string[]> {
  await kind.newBody(f, {})
  return tagKeyPool(f.values, poolSize, minimum)
}

function codePoint(character: string | undefined): string {
  return character === undefined
    ? 'the end'
    : `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`
}

/** Where two strings part, by code point: strings that look alike may differ (normalization, lost astral halves). */
function firstDifference(sent: string, got: string): string {
  const [a, b] = [[...sent], [...got]]
  const at = a.findIndex((character, index) => character !== b[index])
  const index = at < 0 ? a.length : at
  return `character ${index + 1}: sent ${codePoint(a[index])}, got ${codePoint(b[index])}`
}

function tagDifferences(shown: Tags, expected: Tags): string[] {
  const wrong = Object.entries(expected)
    .filter(([key, value]) => shown[key] !== value)
    .map(([key, value]) => {
      const got = shown[key]
      return `${key}: sent ${JSON.stringify(value)}, got ${JSON.stringify(got)}${typeof got === 'string' ? ` (${firstDifference(value, got)})` : ''}`
    })
  const extra = Object.keys(shown)
    .filter((key) => !(key in expected))
    .map((key) => `${key}: never sent, got ${JSON.stringify(shown[key])}`)
  return [...wrong, ...extra]
}

function expectTags(reply: Reply, shown: Tags, expected: Tags, where: string): void {
  const differences = tagDifferences(shown, expected)
  expectThat(
    differences.length === 0,
    reply,
    `${where} must give the tags back exactly as sent: ${differences.join('; ')}`,
  )
}

const tagsRoundTrip = (kind: TaggedKind): Check =>
  defineProperty(
    {
      id: `S5.${kind.name}.tags-round-trip`,
      operation: kind.ops.create,
      summary: `${kind.ops.create} and ${kind.ops.get} give random tag maps (unicode values) back exactly`,
    },
    async (f) => tagMaps(await propertyTagKeys(f, kind, 1)),
    async (f, generated) => {
      const { body, resource, reply } = await createResource(f, kind, sentTags(f.values, generated))
      const sent = body.tags as Tags
      expectTags(reply, resource.tags, sent, `the ${kind.ops.create} answer`)
      const fetched = await getResource(f, kind, resource.id)
      expectTags(fetched, resourceOf(kind, fetched).tags, sent, kind.ops.get)
    },
  )

const updateSetsAndUnsets = (kind: TaggedKind): Check =>
  defineProperty(
    {
      id: `S5.${kind.name}.update-sets-and-unsets`,
      operation: kind.ops.update,
      summary: `${kind.ops.update} with random tags sets every key sent and removes every key sent as ""`,
    },
    async (f) => {
      const keys = await propertyTagKeys(f, kind, 1)
      return fc.record({ initial: tagMaps(keys), update: tagUpdates(keys) })
    },
    async (f, { initial, update }) => {
      const { resource } = await createResource(f, kind, sentTags(f.values, initial))
      const sent = Object.fromEntries(
        Object.entries(update).map(([key, text]) => [key, text === unset ? '' : `${text}~${f.values.unique('t')}`]),
      )
      const check = (reply: Reply, where: string) => {
        const tags = resourceOf(kind, reply).tags
        const wrong = Object.entries(sent)
          .filter(([key, value]) => (value === '' ? key in tags : tags[key] !== value))
          .map(([key, value]) =>
            value === ''
              ? `${key} sent as "" is still ${JSON.stringify(tags[key])}`
              : `${key}: sent ${JSON.stringify(value)}, got ${JSON.stringify(tags[key])}`,
          )
        expectThat(
          wrong.length === 0,
          reply,
          `${where} must set the keys sent and remove those sent as "": ${wrong.join('; ')}`,
        )
      }
      check(
        await f.api.call(kind.ops.update, { params: { id: resource.id }, body: kind.updateBody(f, sent) }),
        `the ${kind.ops.update} answer`,
      )
      check(await getResource(f, kind, resource.id), `${kind.ops.get} after ${kind.ops.update}`)
    },
  )

const tagFilterExact = (kind: TaggedKind): Check =>
  defineProperty(
    {
      id: `S7.${kind.name}.tag-filter-exact`,
      operation: kind.ops.list,
      summary: `${kind.ops.list} with a random tag filter lists exactly the ${kind.plural} carrying every tag of it, once each`,
    },
    async (f) => {
      const keys = await propertyTagKeys(f, kind, 1)
      return fc.record({
        resources: fc.array(symbolicTagMaps(keys), { minLength: 1, maxLength: 4 }),
        filter: symbolicTagMaps(keys),
      })
    },
    async (f, { resources, filter }) => {
      const mark = f.values.unique('case')
      const created: TaggedResource[] = []
      let scope: Record<string, unknown> = {}
      for (const symbolic of resources) {
        const { body, resource } = await createResource(f, kind, caseTags(mark, symbolic))
        created.push(resource)
        scope = kind.scopeOf(body, f)
      }
      const query = { ...scope, tags: { ...(scope.tags as Tags | undefined), ...caseTags(mark, filter) } }
      const walk = await walkPages<TaggedResource>(f.api, kind.ops.list, kind.plural, { query })
      expectListed(walk, {
        keyOf: byId,
        wanted: created.filter((r) => matchesFilter(query, r)).map(byId),
        outside: (item) => !matchesFilter(query, item),
        filter: `the tags ${JSON.stringify(query.tags)}`,
        show: (item) => `${kind.name} ${item.id} with tags ${JSON.stringify(item.tags)}`,
      })
    },
  )

export const tagPropertyChecks = (kind: TaggedKind): Check[] => [
  tagsRoundTrip(kind),
  updateSetsAndUnsets(kind),
  tagFilterExact(kind),
]
