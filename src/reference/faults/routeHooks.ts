// Hooks on the route of one operation only (added as Fastify registers that route), for faults
// that change what the wire carries: a status, a content type, a body cut short, no answer.
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify'
import { operation, type OperationId } from '../../contract/operations.ts'
import { routeUrl } from '../operationRoutes.ts'

type RouteHooks = Pick<RouteOptions, 'onRequest' | 'preValidation' | 'onSend'>

export function onOperationRoute(app: FastifyInstance, id: OperationId, hooks: RouteHooks): void {
  const op = operation(id)
  const url = routeUrl(op.path)
  app.addHook('onRoute', (route) => {
    if (route.method !== op.method || route.url !== url) return
    for (const name of Object.keys(hooks) as (keyof RouteHooks)[]) {
      const existing = route[name]
      const list = existing === undefined ? [] : Array.isArray(existing) ? existing : [existing]
      Object.assign(route, { [name]: [...list, hooks[name]] })
    }
  })
}

/**
 * A hook on one operation's requests that runs before authentication (route hooks run after the
 * server's own): for faults in how credentials are checked. Installed only with its fault.
 */
export function beforeAuthentication(
  app: FastifyInstance,
  id: OperationId,
  hook: (request: FastifyRequest) => void,
): void {
  const op = operation(id)
  const url = routeUrl(op.path)
  // eslint-disable-next-line @typescript-eslint/require-await
  app.addHook('onRequest', async (request) => {
    if (request.method === op.method && request.routeOptions.url === url) hook(request)
  })
}
