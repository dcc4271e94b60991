// certify's gate: Playwright's global setup waits until certify's preflight passed, and not
// forever when certify says nothing.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { passPreflightGate, PreflightGate } from '../../src/harness/preflight/preflightGate.ts'

test('the gate lets the run through once certify opens it, and is gone once removed', async () => {
  const gate = new PreflightGate()
  try {
    let through = false
    const waiting = passPreflightGate(gate.path, 5_000).then(() => (through = true))
    await new Promise((resolve) => setTimeout(resolve, 50))
    assert.equal(through, false, 'still closed')
    gate.open()
    await waiting
    assert.equal(through, true)
  } finally {
    gate.remove()
  }
  await assert.rejects(passPreflightGate(gate.path, 50), /certify did not finish its preflight within 0.05 s/)
})
