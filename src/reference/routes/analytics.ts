// trackAnalytics (the spec scope, S19): the router checks name and count against the body's
// schema; nothing can be read back, so nothing is kept.
import type { TrackAnalyticsBody } from '../../contract/types.ts'
import type { OperationRouter } from '../operationRoutes.ts'

export function registerAnalytics(router: OperationRouter): void {
  router.register<TrackAnalyticsBody>('trackAnalytics', () => ({}))
}
