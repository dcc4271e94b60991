// S12: callAction of an unknown action type is an error, and answers {output, meta: {cached}};
// configureIntegration is called in an integration's context.
import type { Fault } from './fault.ts'
import { answerFault, errorFault, requestFault } from './operationFaults.ts'

export const actionFaults: Fault[] = [
  errorFault({
    name: 'unknown-action-answers-output',
    breaks: 'S12',
    side: 'behaviour',
    summary: 'callAction of an action type the bot does not have answers an empty output instead of an error',
    operation: 'callAction',
    concerns: ['S12.action.unknown-type-error'],
    recover: (error) => (error.status === 404 ? { output: {}, meta: { cached: false } } : undefined),
  }),
  requestFault({
    name: 'configure-without-context-accepted',
    breaks: 'S12',
    side: 'behaviour',
    summary: 'configureIntegration without x-integration-id answers {} as if called in an integration context',
    operation: 'configureIntegration',
    concerns: ['S12.integration.configure-without-context'],
    rewrite: (request) => ({ ...request, integrationId: request.integrationId ?? 'conformance-fault' }),
  }),
  answerFault({
    name: 'action-answer-without-meta',
    breaks: 'S12',
    level: 'full',
    side: 'answer',
    summary: 'callAction answers {output} without meta',
    operation: 'callAction',
    concerns: ['S12.callAction.valid-call'],
    rewrite: ({ meta: _dropped, ...answer }) => answer,
  }),
]
