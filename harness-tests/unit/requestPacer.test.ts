import assert from 'node:assert/strict'
import { test } from 'node:test'
import { RequestPacer, jitterAllowanceMs } from '../../src/harness/client/requestPacer.ts'
import { busiestSecond } from '../support/requestRate.ts'

/** A clock the pacers share; sleeping moves it forward for the sleeper only (each records its send times). */
function simulatedWorkers(
  perSecond: number,
  lanes: number,
  requestsEach: number,
  workMs: (lane: number, i: number) => number,
): number[] {
  const sends: number[] = []
  for (let lane = 0; lane < lanes; lane++) {
    let now = 1_700_000_000_123.4
    const pacer = new RequestPacer(
      perSecond,
      lane,
      lanes,
      () => now,
      (ms) => {
        now += ms
        return Promise.resolve()
      },
    )
    for (let i = 0; i < requestsEach; i++) {
      void pacer.turn()
      sends.push(now)
      now += workMs(lane, i)
    }
  }
  return sends.sort((a, b) => a - b)
}

test('workers sharing the cap never send more than R requests in any one-second window', () => {
  for (const [perSecond, lanes] of [
    [5, 2],
    [20, 2],
    [7, 3],
    [50, 4],
    [1, 1],
  ] as const) {
    const fast = simulatedWorkers(perSecond, lanes, 60, () => 1)
    assert.ok(busiestSecond(fast) <= perSecond, `R=${perSecond} W=${lanes}: ${busiestSecond(fast)} in one second`)
    // Busy workers do use the cap, less the jitter allowance: R slots span a second and 50 ms.
    const usable = Math.floor((perSecond * 1000) / (1000 + jitterAllowanceMs))
    assert.ok(busiestSecond(fast) >= usable, `R=${perSecond} W=${lanes}: only ${busiestSecond(fast)} in one second`)
    const uneven = simulatedWorkers(perSecond, lanes, 40, (lane, i) => ((lane + 1) * 37 * i) % 300)
    assert.ok(busiestSecond(uneven) <= perSecond, `R=${perSecond} W=${lanes}, uneven work: ${busiestSecond(uneven)}`)
  }
})

test('a request may leave up to the jitter allowance late without exceeding R in a window', () => {
  const perSecond = 10
  const slot = (1000 + jitterAllowanceMs) / perSecond
  // R + 1 consecutive slots span more than one second even when the first leaves late.
  assert.ok(perSecond * slot - jitterAllowanceMs >= 1000)
})

test('a lane is one of 0..lanes-1', () => {
  assert.throws(() => new RequestPacer(10, 2, 2), RangeError)
  assert.throws(() => new RequestPacer(0, 0, 1), RangeError)
})
