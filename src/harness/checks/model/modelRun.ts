// Running a model-based check: fast-check draws CONFORMANCE_MODEL_RUNS sequences of at most
// CONFORMANCE_MODEL_LENGTH calls (fc.commands), each run against the target and the model from
// a fresh scope (fc.asyncModelRun), and what each made is deleted before the next. On a
// disagreement fast-check shrinks the sequence to the shortest that still fails; that sequence is
// then run once more, alone in the check's exchange log (its replay segment), so that the report
// and a replay built from the log show exactly it. CONFORMANCE_SEED draws the same sequences.
import fc from 'fast-check'
import type { RuleId } from '../../../contract/rules.ts'
import { runningTest } from '../../runner/playwrightTest.ts'
import type { CheckContext } from '../checkContext.ts'
import { ConformanceFailure } from '../expectations.ts'
import { observe } from '../observations.ts'
import { ChatModel, Disagreement, type ModelTarget, type Scope } from './chatModel.ts'
import type { ModelCommand } from './modelCommand.ts'

type Commands = Iterable<fc.AsyncCommand<ChatModel, ModelTarget, boolean>>

export interface ModelDefinition {
  rule: RuleId
  /** Hold the sequence to [usage] rules too (the strict level). */
  strict: boolean
  /**
   * Mixes of commands, one drawn per sequence; within a mix, fast-check draws each command from
   * the arbitraries listed (one listed twice is drawn twice as often).
   */
  focuses: () => Record<string, fc.Arbitrary<ModelCommand>[]>
  /** The sequence's states need a conversation to belong to. */
  states?: boolean
  /** Calls every sequence starts with (a chat to write in), shown first in a failure's replay. */
  start?: () => ModelCommand[]
  /** A call every sequence ends with (reading everything back), when the model allows it. */
  end?: () => ModelCommand
}

/** Time fast-check may spend shrinking a failure; what it reached by then is shown. */
const shrinkingMs = 40_000

interface Sequence {
  model: ChatModel
  error?: unknown
}

/** The names one run uses: its own scope value, channels, event types, state names. */
function newScope(f: CheckContext, keys: string[], scopeKey: string): Scope {
  const name = f.values.unique('model')
  return {
    tagKey: scopeKey,
    tagValue: name,
    keys,
    channels: [`${name}-a`, `${name}-b`],
    eventTypes: [`${name}-first`, `${name}-second`],
    stateNames: [`${name}-one`, `${name}-two`],
  }
}

/** Deletes what a run made (the client tracked it), so the next run starts from nothing. */
async function cleanUp(f: CheckContext): Promise<void> {
  for (const leftover of await f.api.cleanUp()) f.api.log.noteLeftover(leftover)
}

function failureMessage(id: string, f: CheckContext, details: fc.RunDetails<[Commands]>, replay: Sequence): string {
  const error = replay.error ?? details.errorInstance
  const [first = 'the sequence failed', ...rest] = (error instanceof Error ? error.message : String(error)).split('\n')
  const steps = replay.model.transcript.map((call, i) => `  ${i + 1}. ${call}`)
  const rerun = `CONFORMANCE_SEED=${f.harness.seed} npm run certify -- --grep "${id}"`
  const again =
    replay.error === undefined
      ? ['the shortest sequence did not fail again when run once more: the target may not answer the same way twice']
      : []
  return [
    `${first} — after ${steps.length} call${steps.length === 1 ? '' : 's'} (shortest failing sequence); replay: ${rerun}`,
    ...rest,
    `sequence ${details.numRuns} of ${f.harness.modelRuns} failed; shrunk ${details.numShrinks} times${details.interrupted ? ' (shrinking stopped at its time limit)' : ''}:`,
    ...steps,
    ...again,
    `replay: ${rerun} (fast-check seed ${details.seed}, path "${details.counterexamplePath ?? ''}": ${(details.counterexample?.[0] as { toString(): string } | undefined)?.toString() ?? ''})`,
  ].join('\n')
}

function asError(thrown: unknown): Error {
  return thrown instanceof Error ? thrown : new Error(String(thrown))
}

/** Shrinking may take up to shrinkingMs: the test's time limit grows by that much (outside one: no limit). */
function allowShrinking(): void {
  const info = runningTest()
  info?.setTimeout(info.timeout + shrinkingMs)
}

/** Runs one model-based check: the sequences, and the shortest failing one again on a failure. */
export async function runModel(f: CheckContext, definition: ModelDefinition, id: string): Promise<void> {
  allowShrinking()
  const scopeKey = f.values.keyFor('conformanceScope')
  const keys = [f.values.tagKey(), f.values.tagKey()]
  const settings = { rule: definition.rule, strict: definition.strict }
  const stopped: Disagreement[] = []
  /** An error that is no answer of the target's (no answer at all): it ends the check, unshrunk. */
  let fatal: unknown

  const run = async (commands: Commands, replay = false): Promise<Sequence> => {
    f.api.log.beginReplaySegment()
    const scope = newScope(f, keys, scopeKey)
    if (definition.states) scope.stateOwner = (await f.make.conversation()).id
    const model = new ChatModel(settings, scope)
    try {
      for (const command of definition.start?.() ?? []) await command.run(model, f)
      model.transcript.forEach((call, i) => (model.transcript[i] = `${call} (every sequence starts so)`))
      await fc.asyncModelRun(() => ({ model, real: f }), commands)
      const end = definition.end?.()
      if (end?.check(model)) await end.run(model, f)
      return { model }
    } catch (error) {
      return { model, error }
    } finally {
      // The replay's segment is the sequence alone: the deletes after it are not part of it.
      if (replay) f.api.log.endReplaySegment()
      await cleanUp(f)
    }
  }

  const focuses = definition.focuses()
  const sequences = fc
    .constantFrom(...Object.keys(focuses))
    .chain((focus) => fc.commands(focuses[focus] ?? [], { maxCommands: f.harness.modelLength, size: 'max' }))
  const property = fc.asyncProperty(sequences, async (commands) => {
    if (fatal !== undefined) return
    const sequence = await run(commands)
    if (sequence.model.stoppedBy) stopped.push(sequence.model.stoppedBy)
    if (sequence.error === undefined) return
    if (!(sequence.error instanceof ConformanceFailure)) fatal = sequence.error
    else throw sequence.error
  })
  const details = await fc.check(property, {
    seed: f.values.seed,
    numRuns: f.harness.modelRuns,
    interruptAfterTimeLimit: shrinkingMs,
  })
  if (fatal !== undefined) throw asError(fatal)
  if (details.failed && details.counterexample) {
    const replay = await run(details.counterexample[0], true)
    throw new ConformanceFailure(failureMessage(id, f, details, replay))
  }
  if (details.failed) throw asError(details.errorInstance)
  const [first] = stopped
  if (first)
    observe(
      `${stopped.length} of the sequences stopped early at an answer that another rule's checks judge (${first.rule}): ${first.message.split('\n')[0]}`,
    )
}
