// integrations: configureIntegration in an integration's context (S12, needs
// CONFORMANCE_INTEGRATION_ID) and without one (S12), and its failure paths (S13, SHAPE).
import { certify } from '../src/harness/checks/check.ts'
import { integrationChecks } from '../src/harness/checks/integrationChecks.ts'
import { operationChecks } from '../src/harness/checks/operationChecks.ts'

integrationChecks.forEach(certify)
operationChecks('integrations').forEach(certify)
