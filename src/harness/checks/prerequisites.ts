// What a check needs to exist before it can look at its own operation: a user, a conversation,
// a message. Created through the API (and so deleted when the test ends); a failure here says
// it was a prerequisite.
import { documentedValue } from '../../../fixtures/contractFields.ts'
import type { Values } from '../../../fixtures/values.ts'
import type { RuntimeClient } from '../client/runtimeClient.ts'
import type * as T from '../../contract/types.ts'
import { expectSuccess } from './expectations.ts'

const asPrerequisite = '(prerequisite)'

export class Prerequisites {
  constructor(
    private readonly api: RuntimeClient,
    private readonly values: Values,
  ) {}

  async user(body: Partial<T.CreateUserBody> = {}): Promise<T.User> {
    const reply = await this.api.createUser({ ...this.userBody(), ...body })
    return expectSuccess(reply, asPrerequisite).user
  }

  /** A valid createUser body. */
  userBody(): T.CreateUserBody {
    return { tags: {}, name: this.values.faker.person.fullName() }
  }

  async conversation(body: Partial<T.CreateConversationBody> = {}): Promise<T.Conversation> {
    const reply = await this.api.createConversation({ ...this.conversationBody(), ...body })
    return expectSuccess(reply, asPrerequisite).conversation
  }

  /** A valid createConversation body, in a channel of its own. */
  conversationBody(): T.CreateConversationBody {
    return { channel: this.channel(), tags: {} }
  }

  /** A conversation with one participant, the usual setting of a message. */
  async chat(): Promise<{ user: T.User; conversation: T.Conversation }> {
    const user = await this.user()
    const conversation = await this.conversation()
    expectSuccess(await this.api.addParticipant(conversation.id, user.id), asPrerequisite)
    return { user, conversation }
  }

  async message(
    at: { user: T.User; conversation: T.Conversation },
    body: Partial<T.CreateMessageBody> = {},
  ): Promise<T.Message> {
    const reply = await this.api.createMessage({ ...this.messageBody(at), ...body })
    return expectSuccess(reply, asPrerequisite).message
  }

  /** A valid createMessage body in a conversation, for checks that vary one field of it. */
  messageBody(at: { user: T.User; conversation: T.Conversation }): T.CreateMessageBody {
    return {
      type: 'text',
      payload: { text: this.values.faker.lorem.sentence() },
      userId: at.user.id,
      conversationId: at.conversation.id,
      tags: {},
    }
  }

  /** A valid createEvent body of a type no other check uses; links are optional (S10). */
  eventBody(
    links: Pick<T.CreateEventBody, 'conversationId' | 'userId' | 'messageId' | 'schedule'> = {},
  ): T.CreateEventBody {
    return {
      type: this.values.unique('conformanceEvent'),
      payload: { note: this.values.faker.lorem.words(3) },
      ...links,
    }
  }

  async event(body: T.CreateEventBody = this.eventBody()): Promise<T.Event> {
    return expectSuccess(await this.api.createEvent(body), asPrerequisite).event
  }

  /** An event scheduled an hour ahead: it stays scheduled while a check looks at it. */
  async scheduledEvent(): Promise<T.Event> {
    return this.event(this.eventBody({ schedule: { delay: 3_600_000 } }))
  }

  /** A valid createTask body in a conversation, of a type no other check uses (spec scope, S14). */
  taskBody(conversationId: string): T.CreateTaskBody {
    return {
      type: this.values.unique('conformanceTask'),
      conversationId,
      title: this.values.faker.lorem.words(3),
      description: this.values.faker.lorem.sentence(),
      data: { step: this.values.faker.word.verb() },
      tags: {},
    }
  }

  /** A task in the check's conversation (deleted when the check ends). */
  async task(body: Partial<T.CreateTaskBody> = {}): Promise<T.Task> {
    const { conversation } = await this.chatOfTest()
    const reply = await this.api.call<{ task: T.Task }>('createTask', {
      body: { ...this.taskBody(conversation.id), ...body },
    })
    return expectSuccess(reply, asPrerequisite).task
  }

  /** A valid createWorkflow body, of a name no other check uses, in a status it may be created in (S15). */
  workflowBody(): T.CreateWorkflowBody {
    return {
      name: this.values.unique('conformanceWorkflow'),
      status: documentedValue('requests/createWorkflow.json', ['status'], 'pending'),
      input: { step: this.values.faker.word.verb() },
      tags: {},
    }
  }

  /** A workflow (deleted when the check ends). */
  async workflow(body: Partial<T.CreateWorkflowBody> = {}): Promise<T.Workflow> {
    const reply = await this.api.call<{ workflow: T.Workflow }>('createWorkflow', {
      body: { ...this.workflowBody(), ...body },
    })
    return expectSuccess(reply, asPrerequisite).workflow
  }

  /** Where a state can be set: a new conversation's, under a name no other check uses. */
  async stateAddress(): Promise<T.StateAddress> {
    const conversation = await this.conversation()
    return { type: 'conversation', id: conversation.id, name: this.values.unique('state') }
  }

  /** A state set at a new address (deleted when the check ends, like everything it makes). */
  async state(
    payload: T.Payload = { step: this.values.faker.word.verb() },
  ): Promise<{ at: T.StateAddress; state: T.State }> {
    const at = await this.stateAddress()
    const reply = await this.api.setState(at, { payload })
    return { at, state: expectSuccess(reply, asPrerequisite).state }
  }

  /** A new channel name, used by nothing else. */
  channel(): string {
    return this.values.unique('channel')
  }

  /** The channel of this check: get-or-create and channel filters then see only its conversations. */
  channelOfTest(): string {
    return `channel-${this.values.scope}`
  }

  private chatPromise: Promise<{ user: T.User; conversation: T.Conversation }> | undefined
  /** One chat (a user in a conversation) for the whole check, made on first use. */
  chatOfTest(): Promise<{ user: T.User; conversation: T.Conversation }> {
    this.chatPromise ??= this.chat()
    return this.chatPromise
  }
}
