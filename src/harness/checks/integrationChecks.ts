// S12: configureIntegration is called in an integration's context (x-integration-id); without
// one it is refused with 400, 401 or 403 (which one is [open]). Its answer in context is its
// valid-call check.
import { defineCheck, type Check } from './check.ts'
import { expectError } from './expectations.ts'
import { observe } from './observations.ts'

const configureWithoutContextRefused = defineCheck(
  {
    id: 'S12.integration.configure-without-context',
    operation: 'configureIntegration',
    summary: 'configureIntegration without an integration context (no x-integration-id) answers 400, 401 or 403',
    failurePath: true,
  },
  async ({ api }) => {
    const reply = await api.configureIntegration({}, { asIntegration: false })
    expectError(reply, { status: [400, 401, 403] }, 'without x-integration-id')
    observe(`configureIntegration without an integration context answered ${reply.status}`)
  },
)

export const integrationChecks: Check[] = [configureWithoutContextRefused]
