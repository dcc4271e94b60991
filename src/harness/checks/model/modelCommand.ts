// A command of the model-based checks: a call fast-check may put in a sequence when the model is
// in a state that allows it (check), which runs against the target and the model at once and
// throws on a disagreement (run). A disagreement under another rule than the check's stops the
// sequence there: that rule's own check judges it.
import type fc from 'fast-check'
import { Disagreement, type ChatModel, type ModelTarget } from './chatModel.ts'

const shownAtMost = 80

/** A value as a sequence's replay shows it: JSON, cut short. */
export function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > shownAtMost ? `${text.slice(0, shownAtMost)}…` : text
}

/** The item a command's pick (any natural number) names among what the model has. */
export function pick<T>(items: readonly T[], index: number): T | undefined {
  return items.length === 0 ? undefined : items[index % items.length]
}

export abstract class ModelCommand implements fc.AsyncCommand<ChatModel, ModelTarget> {
  /** How fast-check prints the command (before the model resolves its picks). */
  protected abstract readonly label: string

  /** Whether the model is in a state the command can run in. */
  protected abstract can(m: Readonly<ChatModel>): boolean

  /** Calls the target, compares its answers with the model, updates the model; `say` what was called. */
  protected abstract act(m: ChatModel, t: ModelTarget, say: (call: string) => void): Promise<void>

  check(m: Readonly<ChatModel>): boolean {
    return m.stoppedBy === undefined && this.can(m)
  }

  async run(m: ChatModel, t: ModelTarget): Promise<void> {
    const step = m.transcript.length
    m.transcript.push(this.label)
    try {
      await this.act(m, t, (call) => {
        m.transcript[step] = call
      })
    } catch (error) {
      if (error instanceof Disagreement && error.rule !== m.settings.rule) return m.stop(error)
      throw error
    }
  }

  toString(): string {
    return this.label
  }
}
