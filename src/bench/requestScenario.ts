// One check's worth of traffic, written once and sent two ways (through the harness, and by a
// bare client) so the harness's overhead is measured on exactly the same requests.
import type { OperationId } from '../contract/operations.ts'
import type { Conversation, Message, User } from '../contract/types.ts'

export interface ScenarioRequest {
  params?: Record<string, string>
  query?: Record<string, unknown>
  body?: unknown
}

/** Sends one request and answers its parsed JSON body. */
export type Send = (operation: OperationId, request?: ScenarioRequest) => Promise<unknown>

/** Creates, reads, lists, updates and deletes a user, a conversation and its messages; answers how many requests it sent. */
export async function chatScenario(send: Send, run: string): Promise<number> {
  let count = 0
  const call = async <T>(operation: OperationId, request?: ScenarioRequest) => {
    count++
    return (await send(operation, request)) as T
  }
  const tags = { benchRun: run }
  const { user } = await call<{ user: User }>('createUser', { body: { name: 'Bench', tags } })
  const byUser = { params: { id: user.id } }
  await call('getUser', byUser)
  await call('updateUser', { ...byUser, body: { name: 'Bench renamed' } })
  await call('getOrCreateUser', { body: { tags, discriminateByTags: ['benchRun'] } })
  await call('listUsers', { query: { tags } })

  const { conversation } = await call<{ conversation: Conversation }>('createConversation', {
    body: { channel: 'bench', tags },
  })
  const byConversation = { params: { id: conversation.id } }
  await call('addParticipant', { ...byConversation, body: { userId: user.id } })
  await call('listParticipants', byConversation)
  const messages: Message[] = []
  for (const text of ['one', 'two', 'three']) {
    const body = { type: 'text', payload: { text }, userId: user.id, conversationId: conversation.id, tags }
    messages.push((await call<{ message: Message }>('createMessage', { body })).message)
  }
  const byMessage = { params: { id: (messages[2] as Message).id } }
  await call('getMessage', byMessage)
  await call('updateMessage', { ...byMessage, body: { tags: { benchRun: '' } } })
  await call('listMessages', { query: { conversationId: conversation.id } })
  await call('listTagValues', { params: { key: 'benchRun' }, query: { type: 'user' } })
  // Every message deleted by the scenario itself, so the harness's end-of-check cleanup sends
  // nothing more and all three clients send the same requests.
  for (const { id } of messages) await call('deleteMessage', { params: { id } })
  await call('deleteConversation', byConversation)
  await call('deleteUser', byUser)
  // An error answer too: the harness inspects those against the error schema.
  await call('getUser', byUser)
  return count
}
