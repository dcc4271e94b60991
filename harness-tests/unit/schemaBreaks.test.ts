// Breaks derived from the schemas: every operation with a body can be broken, a break names what
// it broke and its rule, and applying one to a valid value yields an invalid one.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { bodyBreak, missingRequired, outsideEnum, wrongType } from '../../src/harness/checks/schemaBreaks.ts'
import { operationRequests } from '../../src/harness/checks/operationRequests.ts'
import { allOperations, specOperations } from '../../src/contract/operations.ts'
import { contractSchemas } from '../../src/contract/schemaRegistry.ts'

const id = 'user_01JD2X3Y4Z5A6B7C8D9E0F1G2H'

test('every operation (the 48) has an entry in the table of requests; those of the spec scope need the feature', () => {
  assert.deepEqual(Object.keys(operationRequests).sort(), [...allOperations.keys()].sort())
  for (const id of specOperations.keys()) assert.equal(operationRequests[id].needs, 'specScope', id)
})

test('every request body can be broken, and the break is invalid against its schema', () => {
  for (const op of allOperations.values()) {
    if (!op.request) continue
    const broken = bodyBreak(op.request)
    const valid = Object.fromEntries(
      ((contractSchemas().schemaOf(op.request).required ?? []) as string[]).map((name) => [name, 'x']),
    )
    assert.ok(contractSchemas().validate(op.request, broken.apply(valid)).length > 0, `${op.id}: ${broken.description}`)
  }
})

test('a required property is left out first', () => {
  const broken = missingRequired('requests/addParticipant.json')
  assert.equal(broken?.description, 'without userId')
  assert.deepEqual(broken?.apply({ userId: id }), {})
})

test('a body with nothing required gets a property of the wrong type', () => {
  assert.equal(missingRequired('requests/updateUser.json'), undefined)
  const broken = wrongType('requests/updateUser.json')
  assert.equal(broken?.description, 'with tags as 42')
  assert.deepEqual(broken?.apply({ name: 'Ada' }), { name: 'Ada', tags: 42 })
})

test('a state type outside the enum breaks S4', () => {
  const broken = outsideEnum('params/state.json')
  assert.equal(broken?.rule, 'S4')
  assert.equal(broken?.apply({ type: 'user', id, name: 'n' }).type, 'conformance-undocumented')
})
