// The documentation a newcomer navigates: a README of a few screens that links every page of
// docs/ directly, links that lead to files of this repository, and no pointer to a file outside
// it (the project states its rules itself, in docs/rules.md).
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, normalize } from 'node:path'
import { test } from 'node:test'

const root = join(import.meta.dirname, '..', '..')
const pages = readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md'))

/** Relative links of a Markdown file: [text](target), without their #anchor. */
function links(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8')
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1] ?? '')
    .filter((target) => !/^[a-z]+:/.test(target) && !target.startsWith('#'))
    .map((target) => target.split('#')[0] ?? '')
}

test('the README fits on a few screens (under 10 kB)', () => {
  const size = statSync(join(root, 'README.md')).size
  assert.ok(size < 10 * 1024, `README.md is ${size} bytes`)
})

test('every page of docs/ is one link away from the README', () => {
  const linked = new Set(links('README.md').map((target) => normalize(target)))
  for (const page of pages) assert.ok(linked.has(join('docs', page)), `README.md links docs/${page}`)
})

test('every relative link of the README and docs/ leads to a file of the repository', () => {
  for (const file of ['README.md', ...pages.map((page) => join('docs', page))]) {
    for (const target of links(file)) {
      const path = normalize(join(dirname(join(root, file)), target))
      assert.ok(path.startsWith(root), `${file}: ${target} points outside the repository`)
      assert.ok(existsSync(path), `${file}: ${target} does not exist`)
    }
  }
})

test('no file of the repository points at the contract notes kept outside it', () => {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((file) => file && existsSync(join(root, file)) && !file.endsWith('package-lock.json'))
  assert.ok(files.length > 100)
  const outside = ['..' + '/shared', 'semantics' + '.md', 'runtime-chat-api' + '.md']
  const found = files.flatMap((file) => {
    const text = readFileSync(join(root, file), 'utf8')
    return outside.filter((name) => text.includes(name)).map((name) => `${file} mentions ${name}`)
  })
  assert.deepEqual(found, [])
})
