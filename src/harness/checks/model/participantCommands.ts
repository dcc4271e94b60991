// Participants in the model (S9): add a user to a conversation, get, remove, and list a
// conversation's participants page by page. A user deleted while it took part may or may not
// still be listed ([open]); everything else is exact.
import fc from 'fast-check'
import { notFound } from '../../../contract/documentedErrors.ts'
import { byId, expectListed, walkPages } from '../listWalk.ts'
import { agrees, failedWith, succeeded, under, type ChatModel, type ModelTarget } from './chatModel.ts'
import { ModelCommand, pick } from './modelCommand.ts'

type Pair = { conversation: string; user: string }

/** Every (live conversation, live user) pair, with what the model knows of it. */
function pairs(m: Readonly<ChatModel>): (Pair & { takesPart: boolean | 'open' })[] {
  return m.live('conversation').flatMap((c) =>
    m.live('user').map((u) => ({
      conversation: c.id,
      user: u.id,
      takesPart: m.participantsOf(c.id).has(u.id)
        ? true
        : m.maybeParticipantsOf(c.id).has(u.id)
          ? ('open' as const)
          : false,
    })),
  )
}

class Add extends ModelCommand {
  protected readonly label: string
  constructor(private readonly which: number) {
    super()
    this.label = `addParticipant(#${which})`
  }

  private candidates(m: Readonly<ChatModel>): Pair[] {
    return pairs(m).filter((p) => p.takesPart === false)
  }

  protected can(m: Readonly<ChatModel>): boolean {
    return this.candidates(m).length > 0
  }

  protected async act(m: ChatModel, t: ModelTarget, say: (call: string) => void): Promise<void> {
    const { conversation, user } = pick(this.candidates(m), this.which) as Pair
    say(`addParticipant ${conversation} ${user}`)
    const reply = await t.api.call<{ participant: { id: string } }>('addParticipant', {
      params: { id: conversation },
      body: { userId: user },
    })
    const { participant } = succeeded('S9', reply)
    agrees(
      'S9',
      participant.id === user,
      reply,
      `answered the participant ${participant.id}, not the user ${user} added`,
    )
    m.participantsOf(conversation).add(user)
  }
}

class Get extends ModelCommand {
  protected readonly label: string
  constructor(private readonly which: number) {
    super()
    this.label = `getParticipant(#${which})`
  }

  protected can(m: Readonly<ChatModel>): boolean {
    return pairs(m).length > 0
  }

  protected async act(m: ChatModel, t: ModelTarget, say: (call: string) => void): Promise<void> {
    const p = pick(pairs(m), this.which) as ReturnType<typeof pairs>[number]
    say(`getParticipant ${p.conversation} ${p.user}`)
    const reply = await t.api.call<{ participant: { id: string } }>('getParticipant', {
      params: { id: p.conversation, userId: p.user },
    })
    if (p.takesPart === 'open' && reply.status === 404) return failedWith('S9', reply, notFound)
    if (p.takesPart === false) {
      const removed = m.removedParticipants.has(`${p.conversation} ${p.user}`)
      return failedWith('S9', reply, notFound, removed ? 'after removeParticipant' : 'of a user never added')
    }
    const { participant } = succeeded('S9', reply)
    agrees('S9', participant.id === p.user, reply, `answered ${participant.id} for the participant ${p.user}`)
  }
}

class Remove extends ModelCommand {
  protected readonly label: string
  constructor(private readonly which: number) {
    super()
    this.label = `removeParticipant(#${which})`
  }

  private candidates(m: Readonly<ChatModel>): Pair[] {
    return pairs(m).filter((p) => p.takesPart === true)
  }

  protected can(m: Readonly<ChatModel>): boolean {
    return this.candidates(m).length > 0
  }

  protected async act(m: ChatModel, t: ModelTarget, say: (call: string) => void): Promise<void> {
    const { conversation, user } = pick(this.candidates(m), this.which) as Pair
    say(`removeParticipant ${conversation} ${user}`)
    succeeded('S9', await t.api.call('removeParticipant', { params: { id: conversation, userId: user } }))
    m.participantsOf(conversation).delete(user)
    m.removedParticipants.add(`${conversation} ${user}`)
  }
}

class List extends ModelCommand {
  protected readonly label: string
  constructor(private readonly which: number) {
    super()
    this.label = `listParticipants(#${which})`
  }

  protected can(m: Readonly<ChatModel>): boolean {
    return m.live('conversation').length > 0
  }

  protected async act(m: ChatModel, t: ModelTarget, say: (call: string) => void): Promise<void> {
    const conversation = pick(m.live('conversation'), this.which)?.id as string
    say(`listParticipants ${conversation} (every page)`)
    const walk = await under('S9', () =>
      walkPages<{ id: string }>(t.api, 'listParticipants', 'participants', { params: { id: conversation } }),
    )
    const wanted = [...m.participantsOf(conversation)]
    const open = m.maybeParticipantsOf(conversation)
    under('S9', () =>
      expectListed(walk, {
        keyOf: byId,
        wanted,
        outside: (item) => !wanted.includes(item.id) && !open.has(item.id),
        filter: `the participants of ${conversation}`,
      }),
    )
  }
}

const which = fc.nat({ max: 15 })

export const participantCommands = {
  add: which.map((i): ModelCommand => new Add(i)),
  get: which.map((i): ModelCommand => new Get(i)),
  remove: which.map((i): ModelCommand => new Remove(i)),
  list: which.map((i): ModelCommand => new List(i)),
}

/** The first user taking part in the first conversation: with startingResources, a chat to start from. */
export function startingParticipant(): ModelCommand {
  return new Add(0)
}
