// S6: get-or-create returns the resource whose tags match (every tag sent, or only the keys of
// discriminateByTags) [doc]; the same input twice, also at the same time, gives one id [usage].
import { setTimeout as sleep } from 'node:timers/promises'
import type { GetOrCreateConversationBody } from '../../contract/types.ts'
import { matchingTags } from '../store/tagMatching.ts'
import { isJsonObject, type Fault } from './fault.ts'
import { requestFault, withBody, withBodyField } from './operationFaults.ts'

/** Long enough that simultaneous calls all look before any of them creates. */
const pauseMs = 25

export const getOrCreateFaults: Fault[] = [
  requestFault({
    name: 'user-get-or-create-ignores-discriminator',
    breaks: 'S6',
    side: 'behaviour',
    summary: 'getOrCreateUser ignores discriminateByTags and matches on every tag sent',
    operation: 'getOrCreateUser',
    concerns: ['S6.user.unlisted-tags-ignored', 'S6.user.discrimination-property'],
    rewrite: (request) => withBody(request, ({ discriminateByTags: _ignored, ...body }) => body),
  }),
  requestFault({
    name: 'conversation-discriminator-inverted',
    breaks: 'S6',
    side: 'behaviour',
    summary: 'getOrCreateConversation matches on the tags discriminateByTags does not list, and ignores those it lists',
    operation: 'getOrCreateConversation',
    concerns: ['S6.conversation.unlisted-tags-ignored', 'S6.conversation.discrimination-property'],
    rewrite: (request) =>
      withBodyField(request, 'discriminateByTags', (listed) =>
        Array.isArray(listed) && isJsonObject((request.body as { tags?: unknown }).tags)
          ? Object.keys((request.body as { tags: object }).tags).filter((key) => !listed.includes(key))
          : listed,
      ),
  }),
  requestFault({
    name: 'message-get-or-create-always-creates',
    breaks: 'S6',
    side: 'behaviour',
    summary: 'getOrCreateMessage never returns an existing message: it creates one each time',
    operation: 'getOrCreateMessage',
    concerns: ['S6.message.identical-tags-same'],
    // No discriminating key: nothing to match on, so a new message every time.
    rewrite: (request) => withBody(request, (body) => ({ ...body, discriminateByTags: [] })),
  }),
  {
    name: 'conversation-get-or-create-race',
    breaks: 'S6',
    level: 'strict',
    side: 'behaviour',
    summary:
      'getOrCreateConversation looks for a match, pauses, then creates without looking again: simultaneous calls create several',
    concerns: ['S6.conversation.concurrent-get-or-create-one-id', 'S6.conversation.identical-tags-same'],
    install({ wrap, store }) {
      wrap('getOrCreateConversation', async (request, next) => {
        let found: unknown
        try {
          const body = request.body as GetOrCreateConversationBody
          found = store.conversations.oldestMatch(
            matchingTags(body.tags, body.discriminateByTags),
            (c) => c.channel === body.channel,
          )
        } catch {
          return next(request)
        }
        if (found) return next(request)
        await sleep(pauseMs)
        return next(withBody(request, (body) => ({ ...body, discriminateByTags: [] })))
      })
    },
  },
]
