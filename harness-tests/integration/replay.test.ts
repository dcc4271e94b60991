// Reproductions that reproduce: for faults of the reference of different kinds (state that a
// sequence builds and single requests; answers, requests and behaviour; several rules), a
// certification's failure is replayed, by `npm run replay` and by the report's bash script,
// against the faulty target, which must give the failing answer again, and against the clean
// reference, where the replay must say "not reproduced".
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { chatOperation } from '../../src/contract/operations.ts'
import { contractSchemas } from '../../src/contract/schemaRegistry.ts'
import { inspectAnswer } from '../../src/harness/client/answerInspection.ts'
import { comparableAnswer, differences, EarlierAnswers } from '../../src/harness/replay/comparableAnswer.ts'
import type { Replay } from '../../src/harness/replay/replaySteps.ts'
import { referenceDefaults } from '../../src/reference/defaults.ts'
import { knownFaults, type Fault } from '../../src/reference/faults/index.ts'
import { startReferenceServer } from '../../src/reference/server.ts'
import { cleanEnvironment, runCertificationProcess } from '../../src/runs/certificationProcess.ts'

const work = mkdtempSync(join(tmpdir(), 'conformance-replay-'))

/**
 * The faults, each with the check whose failure is replayed: stateful and stateless, across the
 * rules. via: checks run with it, for a derived check (judged from the answers other checks got).
 */
const cases: { fault: string; check: string; via?: string[] }[] = [
  { fault: 'user-delete-keeps-user', check: 'S8.user.delete-then-404' }, // state: create, delete, get
  { fault: 'user-tags-not-unset', check: 'S5.user.empty-value-unsets' }, // state: create, update
  { fault: 'get-or-set-overwrites', check: 'S11.state.get-or-set' }, // state: a state set twice
  { fault: 'message-update-keeps-updated-at', check: 'S2.message.update-moves-updatedAt' }, // dates across answers
  { fault: 'conversation-updated-before-created', check: 'S2.conversation.updated-not-before-created' }, // dates in one answer
  { fault: 'drop-unknown-properties', check: 'SHAPE.createUser.unknown-property-400' }, // one request
  { fault: 'accept-long-message-type', check: 'S3.createMessage.type.length-limits' }, // a property's smallest case
  { fault: 'user-id-too-short', check: 'S1.getUser.answers', via: ['S8.user.create-then-get'] }, // a derived check's answer
  { fault: 'error-code-differs-from-status', check: 'S13.getMessage.unknown-id-404' }, // an error answer's body
]

const credentials = { token: referenceDefaults.token, botId: referenceDefaults.botId }

/** The report's replay script run with bash, as a person would: the token and the target from the environment. */
function bash(script: string, url: string): Promise<{ code: number; output: string }> {
  const env = cleanEnvironment({ CONFORMANCE_TOKEN: credentials.token, CONFORMANCE_BASE_URL: url })
  return new Promise((resolve) => {
    execFile('bash', [script], { env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }),
    )
  })
}

function faultNamed(name: string): Fault {
  const fault = knownFaults.find((f) => f.name === name)
  if (!fault) throw new Error(`no fault ${name}`)
  return fault
}

/** The answers the replay script printed: "== <step> <operation> -> <status> <content type>", then the body. */
function scriptAnswers(output: string): {
  runId: string
  answers: { status: number; contentType: string; text: string }[]
} {
  const runId = /^== run (\S+)$/m.exec(output)?.[1] ?? ''
  const answers: { status: number; contentType: string; text: string }[] = []
  const parts = output.split(/^== (\d+) \S+ -> (\d{3}) ?(.*)$/m)
  for (let i = 1; i + 3 < parts.length + 1; i += 4) {
    answers[Number(parts[i]) - 1] = {
      status: Number(parts[i + 1]),
      contentType: parts[i + 2] ?? '',
      text: (parts[i + 3] ?? '').replace(/^\n/, '').replace(/\n$/, ''),
    }
  }
  return { runId, answers }
}

/** How the script's last answer differs from the recorded one (empty: reproduced). */
function scriptDifferences(replay: Replay, output: string): string[] {
  const { runId, answers } = scriptAnswers(output)
  assert.equal(answers.length, replay.steps.length, `the script printed every answer:\n${output}`)
  const parsed = (text: string) => {
    try {
      return JSON.parse(text) as unknown
    } catch {
      return undefined
    }
  }
  const earlier = new EarlierAnswers()
  answers.slice(0, -1).forEach((answer, i) => earlier.add(i + 1, parsed(answer.text)))
  const last = answers.at(-1) as { status: number; contentType: string; text: string }
  const op = chatOperation(replay.steps.at(-1)?.operation ?? 'getUser')
  const { json, violations } = inspectAnswer(op, last.status, last.contentType, last.text, contractSchemas())
  return differences(replay.answer, comparableAnswer({ status: last.status, json, violations }, earlier, runId))
}

describe('a failure replayed reproduces on the faulty target, and not on the clean one', () => {
  let clean: { url: string; close: () => Promise<void> }
  before(async () => {
    clean = await startReferenceServer({ ...credentials, faults: [] })
  })
  after(async () => {
    await clean.close()
    rmSync(work, { recursive: true, force: true })
  })

  for (const { fault: name, check: checkId, via = [] } of cases) {
    test(`${name}: ${checkId}`, async () => {
      const fault = faultNamed(name)
      const faulty = await startReferenceServer({ ...credentials, faults: [fault] })
      try {
        const reportDir = join(work, name)
        const outcome = await runCertificationProcess({
          reference: faulty.url,
          checks: [...(fault.concerns ?? []), ...via, checkId],
          reportDir,
          seed: 20260601,
          runId: `crreplay${cases.findIndex((c) => c.fault === name)}`,
          workers: 1,
          limitMs: 180_000,
          env: fault.harnessEnv,
        })
        const check = outcome.report?.checks.find((c) => c.id === checkId)
        assert.equal(check?.status, 'failed', `${checkId} failed against ${name} \n${outcome.output.slice(-3000)}`)
        const replay = check?.failure?.replay
        assert.ok(replay, 'the failure carries its replay')
        assert.ok(check?.failure?.replayScript?.startsWith('#!/usr/bin/env bash'))
        assert.ok(
          !check?.failure?.replayScript?.includes(credentials.token),
          'the script reads the token from $CONFORMANCE_TOKEN',
        )

        // As printed: the test looks for the token in what the command prints.
        const replayWith = async (url: string) => {
          const done = await runCertificationProcess({
            command: 'replay',
            args: [checkId],
            reference: url,
            reportDir,
            limitMs: 60_000,
            output: 'as printed',
          })
          return { code: done.exitCode, output: done.output }
        }
        const again = await replayWith(faulty.url)
        assert.match(again.output, /^reproduced: /m, again.output)
        assert.equal(again.code, 0)
        assert.match(again.output, /^→ 1 /m, 'each exchange is printed')
        const cleanly = await replayWith(clean.url)
        assert.match(cleanly.output, /^not reproduced: \w+ .+/m, cleanly.output)
        assert.equal(cleanly.code, 1)
        for (const output of [again.output, cleanly.output])
          assert.ok(!output.includes(credentials.token), 'the replay prints no token')

        const script = join(reportDir, 'replay.sh')
        writeFileSync(script, check?.failure?.replayScript ?? '')
        const scripted = await bash(script, faulty.url)
        assert.equal(scripted.code, 0, scripted.output)
        assert.deepEqual(scriptDifferences(replay, scripted.output), [], scripted.output)
        const scriptedClean = await bash(script, clean.url)
        for (const output of [scripted.output, scriptedClean.output])
          assert.ok(!output.includes(credentials.token), 'the script prints no token')
        assert.notDeepEqual(scriptDifferences(replay, scriptedClean.output), [], scriptedClean.output)
      } finally {
        await faulty.close()
      }
    })
  }
})
