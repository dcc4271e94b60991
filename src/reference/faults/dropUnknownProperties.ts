// Fault: a lenient server that drops the body properties the contract does not list, instead
// of rejecting the request with 400 InvalidPayload (breaks SHAPE: unknown properties are errors).
import { operations } from '../../contract/operations.ts'
import { contractSchemas } from '../../contract/schemaRegistry.ts'
import { routeUrl } from '../operationRoutes.ts'
import { isJsonObject, type Fault } from './fault.ts'

function listedProperties(): Map<string, Set<string>> {
  const byRoute = new Map<string, Set<string>>()
  for (const op of operations.values()) {
    if (!op.request) continue
    const properties = contractSchemas().schemaOf(op.request).properties
    if (isJsonObject(properties)) {
      byRoute.set(`${op.method} ${routeUrl(op.path)}`, new Set(Object.keys(properties)))
    }
  }
  return byRoute
}

export const dropUnknownProperties: Fault = {
  name: 'drop-unknown-properties',
  breaks: 'SHAPE',
  side: 'request',
  summary: 'body properties the contract does not list are dropped instead of answered with 400 InvalidPayload',
  concerns: ['SHAPE.createUser.unknown-property-400', 'SHAPE.setState.unknown-property-400'],
  install({ app }) {
    const listed = listedProperties()
    // eslint-disable-next-line @typescript-eslint/require-await
    app.addHook('preValidation', async (request) => {
      const known = listed.get(`${request.method} ${request.routeOptions.url}`)
      const body = request.body
      if (!known || !isJsonObject(body)) return
      for (const key of Object.keys(body)) if (!known.has(key)) delete body[key]
    })
  },
}
