// S12: callAction of an action the bot does not have is an error with the documented error body
// (400 or 404: which one is [open]). The configured action's answer is its valid-call check.
import { defineCheck, type Check } from './check.ts'
import { expectError } from './expectations.ts'
import { observe } from './observations.ts'

const unknownActionRefused = defineCheck(
  {
    id: 'S12.action.unknown-type-error',
    operation: 'callAction',
    summary: 'callAction of an action type the bot does not have answers 400 or 404 with the documented error body',
    failurePath: true,
  },
  async ({ api, values }) => {
    const type = `conformance:${values.unique('missing')}`
    const reply = await api.callAction({ type, input: {} })
    expectError(reply, { status: [400, 404] }, `of unknown action ${type}`)
    observe(`callAction of an unknown action answered ${reply.status}`)
  },
)

export const actionChecks: Check[] = [unknownActionRefused]
