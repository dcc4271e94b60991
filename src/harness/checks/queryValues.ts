// A valid value for each documented query parameter of a list, naming resources that exist: a
// derived case that breaks the shape of one parameter keeps its value valid, so the shape alone
// can decide the answer. Undefined, with the reason, where no valid value can be made.
import { documentedValues } from '../../../fixtures/contractFields.ts'
import { operation, type OperationId } from '../../contract/operations.ts'
import { contractSchemas } from '../../contract/schemaRegistry.ts'
import type { CallOptions } from '../client/runtimeClient.ts'
import type { CheckContext } from './checkContext.ts'
import { expectSuccess } from './expectations.ts'

/** A valid value; `query`: the query it is valid in, when not the valid request's own (a page token). */
export type QueryValue = { value: unknown; query?: Record<string, unknown> } | { notRun: string }

/** Where a parameter's value can come from, by its name; the query's own value comes first. */
const byName: Record<string, (f: CheckContext, op: OperationId, base: CallOptions) => Promise<QueryValue>> = {
  conversationId: async ({ make }) => ({ value: (await make.chatOfTest()).conversation.id }),
  userId: async ({ make }) => ({ value: (await make.chatOfTest()).user.id }),
  messageId: async ({ make }) => ({ value: (await make.message(await make.chatOfTest())).id }),
  participantIds: async ({ make }) => ({ value: [(await make.chatOfTest()).user.id] }),
  channel: async ({ make }) => ({ value: (await make.chatOfTest()).conversation.channel }),
  integrationName: async ({ make }) => ({ value: (await make.chatOfTest()).conversation.integration }),
  type: ({ values }) => Promise.resolve({ value: values.unique('conformanceEvent') }),
  tags: ({ values }) => Promise.resolve({ value: { [values.keyFor('conformanceRequest')]: values.unique('own') } }),
  afterDate: () => Promise.resolve({ value: new Date().toISOString() }),
  beforeDate: () => Promise.resolve({ value: new Date().toISOString() }),
  workflowId: () =>
    Promise.resolve({ notRun: 'no operation of the 33 makes a workflow for the workflowId filter to name' }),
  // A page token is valid only as the target gave it, for the query it gave it to: the valid
  // call's, else the list narrowed by its required parameters only (more likely to span pages).
  nextToken: async ({ api }, op, base) => {
    const required = new Set((contractSchemas().schemaOf(operation(op).query as string).required ?? []) as string[])
    const wide = Object.fromEntries(Object.entries(base.query ?? {}).filter(([name]) => required.has(name)))
    for (const query of [base.query ?? {}, wide]) {
      const reply = await api.call(op, { ...base, query })
      const meta = (expectSuccess(reply, '(prerequisite)') as { meta?: { nextToken?: string } }).meta
      if (meta?.nextToken) return { value: meta.nextToken, query }
    }
    return { notRun: 'the list answered a single page: there is no page token to send' }
  },
}

/** A valid value of one query parameter of an operation, given its valid request. */
export async function validQueryValue(
  context: CheckContext,
  op: OperationId,
  param: string,
  base: CallOptions,
): Promise<QueryValue> {
  const own = base.query?.[param]
  if (own !== undefined) return { value: own }
  const file = operation(op).query as string
  const node = contractSchemas().schemaOf(file, param)
  if (Array.isArray(node.enum)) return { value: documentedValues(file, param)[0] }
  const from = byName[param]
  return from ? from(context, op, base) : { notRun: `the harness knows no valid value of the query parameter ${param}` }
}
