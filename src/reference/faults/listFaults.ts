// S7: walking the pages visits every matching resource exactly once and ends with a page without
// nextToken; filters narrow the result; sortField and sortDirection order it [doc]. A tag filter
// in the bracket form tags[k]=v is accepted too [usage].
import type { OperationRequest } from '../operationRoutes.ts'
import type { Fault } from './fault.ts'
import { answerFault, requestFault } from './operationFaults.ts'
import { onOperationRoute } from './routeHooks.ts'

function withoutQuery(request: OperationRequest, name: string): OperationRequest {
  const { [name]: _ignored, ...query } = request.query
  return { ...request, query }
}

/** Tokens of the pages past the last one: each leads to another empty page. */
const beyond = 'conformance-beyond-'

export const listFaults: Fault[] = [
  requestFault({
    name: 'conversation-pages-repeat',
    breaks: 'S7',
    side: 'behaviour',
    summary: 'listConversations ignores nextToken: every page is the first one again',
    operation: 'listConversations',
    concerns: ['S7.conversation.pages-property'],
    rewrite: (request) => withoutQuery(request, 'nextToken'),
  }),
  {
    name: 'message-pages-never-end',
    breaks: 'S7',
    side: 'behaviour',
    summary:
      'listMessages never ends: its last page carries a nextToken, which leads to an empty page with another one',
    concerns: ['S7.message.list-finds-created'],
    install({ wrap }) {
      wrap('listMessages', async (request, next) => {
        const token = request.query.nextToken
        if (typeof token === 'string' && token.startsWith(beyond)) {
          return { messages: [], meta: { nextToken: `${beyond}${Number(token.slice(beyond.length)) + 1}` } }
        }
        const answer = (await next(request)) as { messages: unknown[]; meta: { nextToken?: string } }
        return answer.meta.nextToken ? answer : { ...answer, meta: { nextToken: `${beyond}1` } }
      })
    },
  },
  answerFault({
    name: 'user-pages-skip-one',
    breaks: 'S7',
    side: 'behaviour',
    summary: 'listUsers leaves out the first user of every page after the first',
    operation: 'listUsers',
    concerns: ['S7.user.pages-property'],
    rewrite: (answer, request) =>
      request.query.nextToken && Array.isArray(answer.users) ? { ...answer, users: answer.users.slice(1) } : answer,
  }),
  requestFault({
    name: 'user-tag-filter-ignored',
    breaks: 'S7',
    side: 'behaviour',
    summary: 'listUsers ignores the tags filter and lists every user',
    operation: 'listUsers',
    // A target holding only the listed users would list them right anyway: tag-filter-exact makes others.
    concerns: ['S7.user.list-finds-created', 'S7.user.tag-filter-exact'],
    rewrite: (request) => withoutQuery(request, 'tags'),
  }),
  requestFault({
    name: 'conversation-sort-direction-ignored',
    breaks: 'S7',
    side: 'behaviour',
    summary: 'listConversations ignores sortDirection: always ascending',
    operation: 'listConversations',
    concerns: ['S7.conversation.pages-property'],
    rewrite: (request) => withoutQuery(request, 'sortDirection'),
  }),
  requestFault({
    name: 'conversation-participant-filter-ignored',
    breaks: 'S7',
    side: 'behaviour',
    summary: 'listConversations ignores participantIds',
    operation: 'listConversations',
    concerns: ['S7.conversation.participant-filter'],
    rewrite: (request) => withoutQuery(request, 'participantIds'),
  }),
  {
    name: 'user-bracket-tag-filter-ignored',
    breaks: 'S7',
    level: 'strict',
    side: 'request',
    summary: 'listUsers reads the tag filter only as tags.key=value and ignores the bracket form tags[key]=value',
    concerns: ['S7.user.tag-filter-brackets'],
    install({ app }) {
      onOperationRoute(app, 'listUsers', {
        // eslint-disable-next-line @typescript-eslint/require-await
        preValidation: async (request) => {
          if (/[?&]tags(\[|%5B)/i.test(request.url)) delete (request.query as Record<string, unknown>).tags
        },
      })
    },
  },
]
