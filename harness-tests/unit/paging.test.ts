import assert from 'node:assert/strict'
import { test } from 'node:test'
import { pageOf } from '../../src/reference/store/paging.ts'

const items = Array.from({ length: 7 }, (_, i) => ({ id: `id${i}`, at: `2024-01-0${i + 1}` }))
const key = (item: { id: string; at: string }) => ({ v: item.at, id: item.id })

function walk(list: typeof items, size: number, direction: 'asc' | 'desc' = 'asc'): string[] {
  const seen: string[] = []
  let nextToken: string | undefined
  do {
    const page = pageOf(list, key, { nextToken, size, direction })
    seen.push(...page.items.map((item) => item.id))
    nextToken = page.nextToken
  } while (nextToken)
  return seen
}

test('walking the pages visits every item once, in order', () => {
  assert.deepEqual(
    walk(items, 3),
    items.map((i) => i.id),
  )
  assert.deepEqual(walk(items, 3, 'desc'), items.map((i) => i.id).reverse())
  assert.deepEqual(
    walk(items, 7),
    items.map((i) => i.id),
  )
})

test('a deletion between pages makes nothing skip or repeat', () => {
  const first = pageOf(items, key, { size: 3 })
  const rest = items.filter((item) => item.id !== 'id1')
  const second = pageOf(rest, key, { size: 3, nextToken: first.nextToken })
  assert.deepEqual(
    second.items.map((i) => i.id),
    ['id3', 'id4', 'id5'],
  )
})

test('a token that was not given is rejected', () => {
  assert.throws(() => pageOf(items, key, { size: 3, nextToken: 'garbage' }), /nextToken/)
})
