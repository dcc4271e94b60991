// S4 (usage): a message the bot creates goes out; one an integration creates on behalf of a
// user comes in.
import { defineCheck } from './check.ts'
import { expectSuccess, expectThat } from './expectations.ts'

const botMessageIsOutgoing = defineCheck(
  {
    id: 'S4.message.bot-message-outgoing',
    operation: 'createMessage',
    summary: 'a message the bot creates has direction outgoing',
    usage: true,
  },
  async ({ api, make }) => {
    const reply = await api.createMessage(make.messageBody(await make.chat()))
    const { direction } = expectSuccess(reply).message
    expectThat(direction === 'outgoing', reply, `direction must be outgoing, was ${JSON.stringify(direction)}`)
  },
)

const integrationMessageIsIncoming = defineCheck(
  {
    id: 'S4.message.integration-message-incoming',
    operation: 'createMessage',
    summary: 'a message created in an integration context (x-integration-id) has direction incoming',
    usage: true,
    needs: 'integration',
  },
  async ({ api, make }) => {
    const reply = await api.createMessage(make.messageBody(await make.chat()), { asIntegration: true })
    const { direction } = expectSuccess(reply).message
    expectThat(direction === 'incoming', reply, `direction must be incoming, was ${JSON.stringify(direction)}`)
  },
)

export const messageDirectionChecks = [botMessageIsOutgoing, integrationMessageIsIncoming]
