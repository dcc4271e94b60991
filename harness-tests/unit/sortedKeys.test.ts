import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { pageOf, pageOfSorted, type Page, type PageRequest } from '../../src/reference/store/paging.ts'
import { SortedKeys, type Cursor, type SortDirection } from '../../src/reference/store/sortedKeys.ts'

const cursor = fc
  .record({ v: fc.constantFrom('2024-01-01', '2024-01-02', '2024-01-03', 'b', 'ba'), id: fc.string({ maxLength: 3 }) })
  .map((key) => ({ ...key }))
const same = (a: Cursor) => (b: Cursor) => a.v === b.v && a.id === b.id

function walk(pageAt: (request: PageRequest) => Page<Cursor>, size: number, direction: SortDirection): Cursor[] {
  const seen: Cursor[] = []
  let nextToken: string | undefined
  do {
    assert.ok(seen.length <= 100, 'the walk does not end: a token leads back to items already seen')
    const page = pageAt({ nextToken, size, direction })
    seen.push(...page.items)
    nextToken = page.nextToken
  } while (nextToken)
  return seen
}

test('SortedKeys pages like a sort of the same keys, whatever was added and removed', () => {
  fc.assert(
    fc.property(
      fc.array(cursor),
      fc.array(cursor),
      fc.integer({ min: 1, max: 4 }),
      fc.constantFrom<SortDirection>('asc', 'desc'),
      (added, removed, size, direction) => {
        const keys = new SortedKeys()
        for (const key of added) keys.add(key)
        for (const key of removed) keys.remove(key)
        const kept = added.filter((key, i) => !removed.some(same(key)) && added.findIndex(same(key)) === i)
        assert.equal(keys.size, kept.length)
        const expected = walk((request) => pageOf(kept, (key) => key, request), size, direction)
        assert.deepEqual(
          walk((request) => pageOfSorted(keys, (key) => key, request), size, direction),
          expected,
        )
      },
    ),
  )
})

test('a filter leaves keys out of the page, not out of the walk', () => {
  const keys = new SortedKeys()
  for (let i = 0; i < 10; i++) keys.add({ v: `v${i}`, id: '' })
  const even = (key: Cursor) => (Number(key.v.slice(1)) % 2 === 0 ? key.v : undefined)
  const first = pageOfSorted(keys, even, { size: 2 })
  assert.deepEqual(first.items, ['v0', 'v2'])
  assert.deepEqual(pageOfSorted(keys, even, { size: 2, nextToken: first.nextToken }).items, ['v4', 'v6'])
  assert.equal(pageOfSorted(keys, even, { size: 5 }).nextToken, undefined)
})
