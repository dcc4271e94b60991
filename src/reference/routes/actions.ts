// callAction and configureIntegration (S12). The reference has one action, an echo.
import type { CallActionBody, ConfigureIntegrationBody } from '../../contract/types.ts'
import { ApiError } from '../apiError.ts'
import { referenceDefaults } from '../defaults.ts'
import type { OperationRouter } from '../operationRoutes.ts'

export function registerActions(router: OperationRouter): void {
  router.register<CallActionBody>('callAction', ({ body }) => {
    if (body.type !== referenceDefaults.action) {
      throw new ApiError('ResourceNotFound', `the bot has no action ${JSON.stringify(body.type)}`)
    }
    return { output: { ...body.input }, meta: { cached: false } }
  })

  router.register<ConfigureIntegrationBody>('configureIntegration', ({ integrationId }) => {
    if (!integrationId) {
      throw new ApiError('Forbidden', 'configureIntegration is called in an integration context (x-integration-id)')
    }
    return {}
  })
}
