import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { facet, type ListQuery } from '../../src/reference/store/indexedCollection.ts'
import { pageOf, type Page, type PageRequest } from '../../src/reference/store/paging.ts'
import type { SortDirection } from '../../src/reference/store/sortedKeys.ts'
import { TaggedCollection, tagFacets } from '../../src/reference/store/taggedCollection.ts'

interface Item {
  id: string
  createdAt: string
  updatedAt: string
  tags: Record<string, string>
  color: string
}

const day = fc.constantFrom('2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04')
const id = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f')
const color = fc.constantFrom('red', 'blue')
const group = fc.constantFrom('g1', 'g2')
const inGroup = (name: string) => facet('group', name)

const change = fc.oneof(
  fc.record({
    put: fc.record({
      id,
      createdAt: day,
      updatedAt: day,
      color,
      tags: fc.dictionary(fc.constantFrom('k', 'l'), color),
    }),
  }),
  fc.record({ remove: id }),
  fc.record({ link: fc.tuple(id, group) }),
  fc.record({ unlink: fc.tuple(id, group) }),
)

const query = fc.record({
  tags: fc.dictionary(fc.constantFrom('k', 'l'), color, { maxKeys: 2 }),
  color: fc.option(color, { nil: undefined }),
  group: fc.option(group, { nil: undefined }),
  range: fc.option(
    fc.record({
      field: fc.constantFrom<'createdAt' | 'updatedAt'>('createdAt', 'updatedAt'),
      lowest: fc.option(day, { nil: undefined }),
      highest: fc.option(day, { nil: undefined }),
    }),
    { nil: undefined },
  ),
  sortField: fc.constantFrom<'createdAt' | 'updatedAt'>('createdAt', 'updatedAt'),
  direction: fc.constantFrom<SortDirection>('asc', 'desc'),
  size: fc.integer({ min: 1, max: 3 }),
})

function walk<T>(pageAt: (request: PageRequest) => Page<T>, size: number, direction: SortDirection): T[] {
  const seen: T[] = []
  let nextToken: string | undefined
  do {
    assert.ok(seen.length <= 50, 'the walk does not end: a token leads back to items already seen')
    const page = pageAt({ nextToken, size, direction })
    seen.push(...page.items)
    nextToken = page.nextToken
  } while (nextToken)
  return seen
}

test('a list walks the same resources in the same order as a sort of the matching ones, whatever was written', () => {
  fc.assert(
    fc.property(fc.array(change, { maxLength: 30 }), query, (changes, q) => {
      const collection = new TaggedCollection<Item>({ kind: 'item', facetsOf: (item) => [facet('color', item.color)] })
      // The model: what is stored, and who is in which group, kept by hand.
      const stored = new Map<string, Item>()
      const groups = new Map<string, Set<string>>()
      for (const step of changes) {
        if ('put' in step) {
          collection.put(step.put)
          stored.set(step.put.id, step.put)
        } else if ('remove' in step) {
          // Removing what is not stored changes nothing, its links included.
          if (stored.delete(step.remove)) {
            collection.remove(step.remove)
            groups.forEach((members) => members.delete(step.remove))
          }
        } else if ('link' in step) {
          const [who, name] = step.link
          collection.link(who, inGroup(name))
          groups.set(name, (groups.get(name) ?? new Set()).add(who))
        } else {
          const [who, name] = step.unlink
          collection.unlink(who, inGroup(name))
          groups.get(name)?.delete(who)
        }
      }
      const matches = (item: Item) =>
        Object.entries(q.tags).every(([key, value]) => item.tags[key] === value) &&
        (q.color === undefined || item.color === q.color) &&
        (q.group === undefined || (groups.get(q.group)?.has(item.id) ?? false)) &&
        (!q.range ||
          ((q.range.lowest === undefined || item[q.range.field] >= q.range.lowest) &&
            (q.range.highest === undefined || item[q.range.field] <= q.range.highest)))
      const expected = walk(
        (request) =>
          pageOf([...stored.values()].filter(matches), (item) => ({ v: item[q.sortField], id: item.id }), request),
        q.size,
        q.direction,
      )
      const listQuery: ListQuery<Item> = {
        facets: [
          ...tagFacets(q.tags),
          ...(q.color === undefined ? [] : [facet('color', q.color)]),
          ...(q.group === undefined ? [] : [inGroup(q.group)]),
        ],
        range: q.range,
        sortField: q.sortField,
      }
      assert.deepEqual(
        walk((request) => collection.list(listQuery, request), q.size, q.direction),
        expected,
      )
    }),
    { numRuns: 500 },
  )
})

test('oldestMatch answers the oldest resource with every wanted tag that passes the test', () => {
  const collection = new TaggedCollection<Item>('item')
  const item = (n: number, tags: Record<string, string>): Item => ({
    id: `i${n}`,
    createdAt: `2024-01-0${n}`,
    updatedAt: `2024-01-0${n}`,
    tags,
    color: 'red',
  })
  collection.put(item(3, { k: 'x' }))
  collection.put(item(1, { k: 'x', l: 'y' }))
  collection.put(item(2, { k: 'x', l: 'y' }))
  assert.equal(collection.oldestMatch({ k: 'x' })?.id, 'i1')
  assert.equal(collection.oldestMatch({ k: 'x' }, (i) => i.id !== 'i1')?.id, 'i2')
  assert.equal(collection.oldestMatch({ k: 'x', l: 'z' }), undefined)
  assert.equal(collection.oldestMatch({}), undefined)
  collection.put({ ...item(1, { l: 'y' }) })
  assert.equal(collection.oldestMatch({ k: 'x' })?.id, 'i2')
})
