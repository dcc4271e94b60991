// What the embedded reference uses when the environment names nothing; the harness uses the
// same values when it starts the reference itself, so one .env (or none) serves both.
export const referenceDefaults = {
  port: 3217,
  token: 'reference-token-not-a-secret',
  botId: '7c0a3e4e-2f7b-4d3a-9c1e-5b6f8a9d0e21',
  integrationId: 'conformance-reference-integration',
  action: 'conformance:echo',
  actionInput: { text: 'hello' },
  pageSize: 20,
} as const
