// Faults in single documented rules that no hand-written check exercised: a required field other
// than the first, a type other than the first one a field refuses, a body that is not JSON, a
// repeated query parameter, a filter alone, the inclusive edge of a date range, the type a tag
// value list is narrowed to. Written from the rules alone; the cases derived from the schemas
// (derivedCoverage) must catch them.
import type { OperationRequest } from '../operationRoutes.ts'
import { isJsonObject, type Fault } from './fault.ts'
import { requestFault, withBody, withBodyField } from './operationFaults.ts'

function withoutQuery(request: OperationRequest, name: string): OperationRequest {
  const { [name]: _dropped, ...query } = request.query
  return { ...request, query }
}

export const derivedCaseFaults: Fault[] = [
  requestFault({
    name: 'message-tags-optional',
    breaks: 'S13',
    side: 'request',
    summary: 'createMessage takes a body without tags (a required field) as one with no tags instead of answering 400',
    operation: 'createMessage',
    concerns: ['S13.createMessage.derived-body'],
    rewrite: (request) => withBody(request, (body) => ('tags' in body ? body : { ...body, tags: {} })),
  }),
  requestFault({
    name: 'user-name-number-taken',
    breaks: 'S13',
    side: 'request',
    summary: 'updateUser takes a name given as a number as its text instead of answering 400',
    operation: 'updateUser',
    concerns: ['S13.updateUser.derived-body'],
    rewrite: (request) => withBodyField(request, 'name', (name) => (typeof name === 'number' ? String(name) : name)),
  }),
  {
    name: 'unparsable-body-taken-as-empty',
    breaks: 'S13',
    side: 'request',
    summary:
      'a request body that is not JSON is taken as {}: an operation without required fields (updateConversation) answers 200 instead of 400',
    concerns: ['S13.updateConversation.derived-body'],
    install({ app }) {
      app.removeContentTypeParser('application/json')
      app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
        const text = String(body)
        if (text.trim() === '') return done(null, undefined)
        try {
          done(null, JSON.parse(text))
        } catch {
          done(null, {})
        }
      })
    },
  },
  requestFault({
    name: 'repeated-query-takes-last',
    breaks: 'S13',
    side: 'request',
    summary: 'listConversations takes a channel given twice as the last one instead of answering 400',
    operation: 'listConversations',
    concerns: ['S13.listConversations.derived-query'],
    rewrite: (request) => {
      const channel = request.query.channel
      return Array.isArray(channel) ? { ...request, query: { ...request.query, channel: channel.at(-1) } } : request
    },
  }),
  requestFault({
    name: 'events-user-filter-ignored',
    breaks: 'S10',
    side: 'behaviour',
    summary: 'listEvents ignores the userId filter and lists events of every user',
    operation: 'listEvents',
    concerns: ['S10.listEvents.derived-filters'],
    rewrite: (request) => withoutQuery(request, 'userId'),
  }),
  requestFault({
    name: 'conversation-integration-filter-ignored',
    breaks: 'S7',
    side: 'behaviour',
    summary: 'listConversations ignores the integrationName filter',
    operation: 'listConversations',
    concerns: ['S7.listConversations.derived-filters'],
    rewrite: (request) => withoutQuery(request, 'integrationName'),
  }),
  requestFault({
    name: 'message-after-date-exclusive',
    breaks: 'S7',
    side: 'behaviour',
    summary:
      'listMessages treats afterDate as exclusive: a message created exactly at afterDate is left out, though the bound is inclusive',
    operation: 'listMessages',
    concerns: ['S7.listMessages.derived-filters'],
    rewrite: (request) => {
      const after = request.query.afterDate
      const time = typeof after === 'string' ? Date.parse(after) : Number.NaN
      return Number.isNaN(time)
        ? request
        : { ...request, query: { ...request.query, afterDate: new Date(time + 1).toISOString() } }
    },
  }),
  {
    name: 'tag-values-type-ignored',
    breaks: 'S7',
    side: 'behaviour',
    summary:
      'listTagValues ignores type: it lists the values the key has on users, conversations and messages together',
    concerns: ['S7.listTagValues.derived-filters'],
    install({ wrap, store }) {
      wrap('listTagValues', async (request, next) => {
        const answer = await next(request)
        if (!isJsonObject(answer) || !Array.isArray(answer.tags)) return answer
        const key = String(request.params.key)
        const values = new Set((answer.tags as { value: string }[]).map((t) => t.value))
        for (const collection of [store.users, store.conversations, store.messages])
          for (const resource of collection.values()) {
            const value = resource.tags[key]
            if (value !== undefined) values.add(value)
          }
        return { ...answer, tags: [...values].map((value) => ({ value })) }
      })
    },
  },
]
