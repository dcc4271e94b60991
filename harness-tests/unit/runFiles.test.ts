import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { runFacts } from '../../src/harness/reporting/runFacts.ts'
import { prepareRunDir, runFiles, shardOfArguments } from '../../src/harness/run/runFiles.ts'
import { writeLeftovers } from '../../src/harness/run/runSweep.ts'

test('the shard a command line asks for', () => {
  assert.deepEqual(shardOfArguments(['--grep', 'S8', '--shard=2/3']), { current: 2, total: 3 })
  assert.deepEqual(shardOfArguments(['--shard', '2/3']), { current: 2, total: 3 })
  assert.equal(shardOfArguments(['--grep', 'S8']), null)
})

test('each shard of a run keeps its own directory; a run id is made a safe name', () => {
  assert.notEqual(
    runFiles('reports', 'crx', { current: 1, total: 2 }).dir,
    runFiles('reports', 'crx', { current: 2, total: 2 }).dir,
  )
  assert.equal(runFiles('reports', 'cr/../x').dir, join('reports', 'run', 'cr____x'))
})

test('a new run removes earlier runs, keeps the other shards of its own, and the report gathers their leftovers', () => {
  const reportDir = mkdtempSync(join(tmpdir(), 'run-files-'))
  try {
    const earlier = prepareRunDir(reportDir, 'crearlier')
    const first = prepareRunDir(reportDir, 'crnow', { current: 1, total: 2 })
    writeLeftovers(first, ['user u1 (delete answered 500)'])
    const second = prepareRunDir(reportDir, 'crnow', { current: 2, total: 2 })
    writeLeftovers(second, [])
    assert.equal(existsSync(earlier.dir), false, 'an earlier run is gone')
    assert.equal(existsSync(first.dir), true, 'the first shard is kept')
    writeFileSync(second.stopped, JSON.stringify({ at: '', reason: '3 requests in a row got no answer' }))
    assert.deepEqual(
      runFacts([{ exchanges: [], seen: {}, errorsSeen: {}, leftovers: [], retries: 2 }], reportDir, 'crnow', null),
      {
        retries: 2,
        leftovers: ['user u1 (delete answered 500)'],
        targetStopped: '3 requests in a row got no answer',
      },
    )
    assert.deepEqual(runFacts([], reportDir, 'crnow', { current: 2, total: 2 }), {
      retries: 0,
      targetStopped: '3 requests in a row got no answer',
    })
  } finally {
    rmSync(reportDir, { recursive: true, force: true })
  }
})
