// S5: in an update, a key sent as "" is removed [doc] and keys not sent are kept [usage]; tags
// come back as sent.
import type { Tags } from '../../contract/types.ts'
import { isJsonObject, type Fault } from './fault.ts'
import { requestFault, withBodyField } from './operationFaults.ts'

export const tagFaults: Fault[] = [
  requestFault({
    name: 'user-tags-not-unset',
    breaks: 'S5',
    side: 'behaviour',
    summary: 'updateUser ignores tags sent as "" instead of removing them',
    operation: 'updateUser',
    concerns: ['S5.user.empty-value-unsets'],
    rewrite: (request) =>
      withBodyField(request, 'tags', (tags) =>
        isJsonObject(tags) ? Object.fromEntries(Object.entries(tags).filter(([, value]) => value !== '')) : tags,
      ),
  }),
  {
    name: 'conversation-update-replaces-tags',
    breaks: 'S5',
    level: 'strict',
    side: 'behaviour',
    summary: 'updateConversation replaces the tags with those sent: the keys not sent are removed',
    concerns: ['S5.conversation.unsent-tags-kept'],
    install({ wrap, store }) {
      wrap('updateConversation', (request, next) =>
        next(
          withBodyField(request, 'tags', (tags) => {
            const current: Tags = store.conversations.find(String(request.params.id))?.tags ?? {}
            const dropped = Object.keys(current).filter((key) => !isJsonObject(tags) || !(key in tags))
            return isJsonObject(tags) ? { ...Object.fromEntries(dropped.map((key) => [key, ''])), ...tags } : tags
          }),
        ),
      )
    },
  },
  requestFault({
    name: 'message-tags-dropped',
    breaks: 'S5',
    side: 'behaviour',
    summary: 'createMessage stores no tags: a message comes back with {} whatever it was sent',
    operation: 'createMessage',
    concerns: ['S5.message.tags-round-trip'],
    rewrite: (request) => withBodyField(request, 'tags', (tags) => (isJsonObject(tags) ? {} : tags)),
  }),
]
