// S9: a user added to a conversation is its participant (returned, gettable, listed) until it is
// removed; adding a user that does not exist is an error.
import type { RuntimeClient } from '../client/runtimeClient.ts'
import { notFound, unknownReference } from '../../contract/documentedErrors.ts'
import type * as T from '../../contract/types.ts'
import { defineCheck, type Check } from './check.ts'
import { expectError, expectSuccess, expectThat } from './expectations.ts'
import { subsetDiff } from './fieldDiff.ts'
import { byId, expectListed, walkPages, type Walk } from './listWalk.ts'
import { neverExistingId } from '../../../fixtures/identifiers.ts'

/** What a participant must show of the user it is: its fields (updatedAt aside: adding it to a conversation may touch it). */
function sameUser(user: T.User, participant: T.User): string | undefined {
  const { updatedAt: _updated, ...fields } = user
  return subsetDiff(fields, participant as unknown as Record<string, unknown>)
}

function listParticipants(api: RuntimeClient, conversationId: string): Promise<Walk<T.User>> {
  return walkPages<T.User>(api, 'listParticipants', 'participants', { params: { id: conversationId } })
}

const addReturnsUser = defineCheck(
  {
    id: 'S9.participant.add-returns-user',
    operation: 'addParticipant',
    summary: "addParticipant with a user's id returns that user as participant",
  },
  async ({ api, make }) => {
    const user = await make.user()
    const conversation = await make.conversation()
    const reply = await api.addParticipant(conversation.id, user.id)
    const diff = sameUser(user, expectSuccess(reply).participant)
    expectThat(diff === undefined, reply, `the participant must be user ${user.id}: ${diff}`)
  },
)

const getAfterAdd = defineCheck(
  {
    id: 'S9.participant.get-after-add',
    operation: 'getParticipant',
    summary: 'getParticipant returns a user added by addParticipant',
  },
  async ({ api, make }) => {
    const { user, conversation } = await make.chat()
    const reply = await api.getParticipant(conversation.id, user.id)
    const diff = sameUser(user, expectSuccess(reply).participant)
    expectThat(diff === undefined, reply, `must return user ${user.id} as participant: ${diff}`)
  },
)

const listedAfterAdd = defineCheck(
  {
    id: 'S9.participant.listed-after-add',
    operation: 'listParticipants',
    summary: 'listParticipants lists every added user exactly once, across pages, and no one else',
  },
  async ({ api, make }) => {
    const conversation = await make.conversation()
    const users = [await make.user(), await make.user(), await make.user()]
    for (const user of users) expectSuccess(await api.addParticipant(conversation.id, user.id), '(prerequisite)')
    const walk = await listParticipants(api, conversation.id)
    expectListed(walk, {
      keyOf: byId,
      wanted: users.map(byId),
      outside: (participant) => !users.some((user) => user.id === participant.id),
      filter: `conversation ${conversation.id}`,
      show: (participant) => `${participant.id}, who was never added,`,
    })
  },
)

const removedIsGone = defineCheck(
  {
    id: 'S9.participant.remove-then-gone',
    operation: 'removeParticipant',
    summary:
      'after removeParticipant, getParticipant answers 404 ResourceNotFound and listParticipants no longer holds the user',
  },
  async ({ api, make }) => {
    const { user, conversation } = await make.chat()
    expectSuccess(await api.removeParticipant(conversation.id, user.id))
    expectError(await api.getParticipant(conversation.id, user.id), notFound, 'after removeParticipant')
    expectListed(await listParticipants(api, conversation.id), {
      keyOf: byId,
      wanted: [],
      outside: [user.id],
      filter: `conversation ${conversation.id} after removeParticipant`,
    })
  },
)

const unknownUserRefused = defineCheck(
  {
    id: 'S9.participant.unknown-user-error',
    operation: 'addParticipant',
    summary: 'addParticipant with a user id that does not exist answers 404 ResourceNotFound or 400 ReferenceNotFound',
    failurePath: true,
  },
  async ({ api, make }) => {
    const conversation = await make.conversation()
    const userId = neverExistingId((await make.user()).id)
    expectError(
      await api.addParticipant(conversation.id, userId),
      unknownReference,
      `with user ${userId}, which never existed`,
    )
  },
)

export const participantChecks: Check[] = [
  addReturnsUser,
  getAfterAdd,
  listedAfterAdd,
  removedIsGone,
  unknownUserRefused,
]
