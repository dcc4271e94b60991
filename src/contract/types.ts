// TypeScript shapes of the resources and bodies, for the client's signatures and the reference's
// handlers: the types generated from schemas/ (contractTypes.generated.ts, npm run types) under
// the names the code uses. They carry what JSON Schema gives a type checker (fields, required,
// enums); lengths and forms are checked against schemas/ at run time.
import type { ContractTypes } from './contractTypes.generated.ts'

export type Tags = Record<string, string>
export type Payload = Record<string, unknown>

export type User = ContractTypes['User']
export type Conversation = ContractTypes['Conversation']
export type Message = ContractTypes['Message']
export type Event = ContractTypes['Event']
export type State = ContractTypes['State']
export type Task = ContractTypes['Task']
export type Workflow = ContractTypes['Workflow']

export type CreateUserBody = ContractTypes['CreateUserBody']
export type UpdateUserBody = ContractTypes['UpdateUserBody']
export type GetOrCreateUserBody = ContractTypes['GetOrCreateUserBody']
export type CreateConversationBody = ContractTypes['CreateConversationBody']
export type UpdateConversationBody = ContractTypes['UpdateConversationBody']
export type GetOrCreateConversationBody = ContractTypes['GetOrCreateConversationBody']
export type CreateMessageBody = ContractTypes['CreateMessageBody']
export type GetOrCreateMessageBody = ContractTypes['GetOrCreateMessageBody']
export type UpdateMessageBody = ContractTypes['UpdateMessageBody']
export type Schedule = NonNullable<CreateMessageBody['schedule']>
export type CreateEventBody = ContractTypes['CreateEventBody']
/**
 * The path of a state: its type, the id of what it belongs to, its name. Any text, not only the
 * documented types (ContractTypes['StateParams']): probes send types outside the enumeration.
 */
export interface StateAddress {
  type: string
  id: string
  name: string
}
export type SetStateBody = ContractTypes['SetStateBody']
export type GetOrSetStateBody = ContractTypes['GetOrSetStateBody']
export type CallActionBody = ContractTypes['CallActionBody']
export type ConfigureIntegrationBody = ContractTypes['ConfigureIntegrationBody']
/** The documented answer {} of deletes and configureIntegration. */
export type Empty = Record<string, never>

// The spec scope (tasks, workflows, import, initialize, analytics).
export type CreateTaskBody = ContractTypes['CreateTaskBody']
export type UpdateTaskBody = ContractTypes['UpdateTaskBody']
export type CreateWorkflowBody = ContractTypes['CreateWorkflowBody']
export type GetOrCreateWorkflowBody = ContractTypes['GetOrCreateWorkflowBody']
export type UpdateWorkflowBody = ContractTypes['UpdateWorkflowBody']
export type ImportMessagesBody = ContractTypes['ImportMessagesBody']
export type ImportedMessage = ImportMessagesBody['messages'][number]
export type InitializeIncomingMessageBody = ContractTypes['InitializeIncomingMessageBody']
export type TrackAnalyticsBody = ContractTypes['TrackAnalyticsBody']
