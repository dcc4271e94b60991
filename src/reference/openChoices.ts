// Where the documents leave a choice open ([open]) or say nothing, the reference answers one way;
// an independent implementation may answer the other. These choices make the reference answer the
// strict way a careful implementer might, so the harness's own tests can certify it and show that
// no check fails a target for an answer the documents allow (a false positive). None of them
// breaks a documented rule: a certification of the reference with them must conform at every level.
import { operation, type OperationId } from '../contract/operations.ts'
import { contractSchemas } from '../contract/schemaRegistry.ts'
import { formOf } from '../contract/valueForms.ts'
import { ConfigError } from '../environment/configError.ts'
import { ApiError } from './apiError.ts'
import type { FaultContext } from './faults/fault.ts'
import type { OperationRequest } from './operationRoutes.ts'

export interface OpenChoice {
  name: string
  /** What the reference does instead, and why the documents allow it. */
  summary: string
  install: (context: Pick<FaultContext, 'wrap' | 'store'>) => void
}

type Body = Record<string, unknown>

function bodyOf(request: OperationRequest): Body {
  return request.body && typeof request.body === 'object' ? (request.body as Body) : {}
}

/** Whether a request's body fits its schema: a choice is about requests the schemas allow, the rest is validation's. */
function validBody(id: OperationId, request: OperationRequest): boolean {
  const schema = operation(id).request
  return !schema || contractSchemas().validate(schema, request.body).length === 0
}

/** Refuses a request the schemas allow when `problem` finds one: one rule, the same error each time. */
function refuse(
  operations: readonly OperationId[],
  wrap: FaultContext['wrap'],
  problem: (request: OperationRequest) => string | undefined,
): void {
  for (const id of operations)
    wrap(id, (request, next) => {
      const found = validBody(id, request) ? problem(request) : undefined
      if (found !== undefined) throw new ApiError('InvalidPayload', found)
      return next(request)
    })
}

const actionForm = formOf(contractSchemas().schemaOf('requests/callAction.json', 'type'))
const urlForm = formOf(contractSchemas().schemaOf('requests/createUser.json', 'pictureUrl'))

export const strictChoices: readonly OpenChoice[] = [
  {
    name: 'action-type-form-invalid',
    summary:
      'callAction of a type without the form <integration>:<action> is 400 InvalidPayload (open: invalid or unknown)',
    install: ({ wrap }) =>
      refuse(['callAction'], wrap, (request) => {
        const type = bodyOf(request).type
        return typeof type === 'string' && actionForm && !actionForm.holds(type)
          ? `type ${JSON.stringify(type.slice(0, 40))} is not of the form <integration>:<action>`
          : undefined
      }),
  },
  {
    name: 'picture-url-must-be-url',
    summary: 'a pictureUrl that is not an http(s) URL is 400 InvalidPayload (the field holds a URL)',
    install: ({ wrap }) =>
      refuse(['createUser', 'updateUser', 'getOrCreateUser'], wrap, (request) => {
        const url = bodyOf(request).pictureUrl
        return typeof url === 'string' && urlForm && !urlForm.holds(url) ? 'pictureUrl is not a URL' : undefined
      }),
  },
  {
    name: 'discriminating-keys-among-tags',
    summary: 'get-or-create listing in discriminateByTags a key its tags do not hold is 400 InvalidPayload',
    install: ({ wrap }) =>
      refuse(['getOrCreateUser', 'getOrCreateConversation', 'getOrCreateMessage'], wrap, (request) => {
        const { tags, discriminateByTags } = bodyOf(request)
        if (!Array.isArray(discriminateByTags)) return undefined
        const held = tags && typeof tags === 'object' ? Object.keys(tags) : []
        const missing: unknown = (discriminateByTags as unknown[]).find(
          (key) => typeof key === 'string' && !held.includes(key),
        )
        return missing === undefined ? undefined : `discriminateByTags lists ${JSON.stringify(missing)}, not a tag`
      }),
  },
  {
    name: 'unknown-reference-invalid',
    summary:
      'a message or event naming a user, conversation or message that does not exist is 400 InvalidPayload (open: 400 or 404, or accepted); a participant, 400 ReferenceNotFound',
    install: ({ wrap, store }) => {
      const exists: Record<string, (id: string) => boolean> = {
        userId: (id) => store.users.has(id),
        conversationId: (id) => store.conversations.has(id),
        messageId: (id) => store.messages.has(id),
        workflowId: () => false,
      }
      refuse(['createMessage', 'getOrCreateMessage', 'createEvent'], wrap, (request) => {
        const body = bodyOf(request)
        const field = Object.keys(exists).find((name) => typeof body[name] === 'string' && !exists[name]?.(body[name]))
        return field === undefined ? undefined : `${field} names nothing`
      })
      wrap('addParticipant', (request, next) => {
        const userId = bodyOf(request).userId
        if (validBody('addParticipant', request) && typeof userId === 'string' && !store.users.has(userId))
          throw new ApiError('ReferenceNotFound', `user ${JSON.stringify(userId)} does not exist`)
        return next(request)
      })
    },
  },
  {
    name: 'state-of-no-owner-not-found',
    summary: 'a state of a user, conversation or the bot whose id names no such owner is 404 (no state can be there)',
    install: ({ wrap, store }) => {
      const owners: Record<string, (id: string) => boolean> = {
        user: (id) => store.users.has(id),
        conversation: (id) => store.conversations.has(id),
        bot: (id) => id === store.botId,
      }
      const states: OperationId[] = ['getState', 'setState', 'patchState', 'getOrSetState', 'setStateExpiry']
      for (const id of states)
        wrap(id, (request, next) => {
          const { type, id: owner } = request.params
          if (type && owner && owners[type] && !owners[type](owner))
            throw new ApiError('ResourceNotFound', `no ${type} ${JSON.stringify(owner)}`)
          return next(request)
        })
    },
  },
]

/** The choices REFERENCE_CHOICES names: "strict", or nothing. */
export function choicesNamed(value: string | undefined): readonly OpenChoice[] {
  const name = value?.trim()
  if (!name) return []
  if (name === 'strict') return strictChoices
  throw new ConfigError('REFERENCE_CHOICES', `must be "strict" or unset, got ${JSON.stringify(name)}`)
}
