// S6: get-or-create returns the existing resource when the tags match (all sent tags, or only
// the listed discriminating keys), else creates one: the documentation's worked example.
import { documentedExample, type DiscriminationProbe } from '../../../fixtures/documentedDiscriminationExample.ts'
import type { Tags } from '../../contract/types.ts'
import type { CheckContext } from './checkContext.ts'
import { defineCheck, type Check } from './check.ts'
import { expectThat } from './expectations.ts'
import type { TaggedKind } from './resourceKinds.ts'
import { createResource, resourceOf } from './taggedResource.ts'

/**
 * The example's tags with real keys (the named ones, or declared keys standing for them) and its
 * symbolic values (a, b, c, z) made unique to this check, so no other data can match.
 */
function realTags(f: CheckContext, symbolic: Record<string, string>): Tags {
  return Object.fromEntries(
    Object.entries(symbolic).map(([key, value]) => [f.values.keyFor(key), `${value}-${f.values.scope}`]),
  )
}

const documentedExampleProbe = (kind: TaggedKind, probe: DiscriminationProbe): Check =>
  defineCheck(
    {
      id: `S6.${kind.name}.${probe.name}`,
      operation: kind.ops.getOrCreate,
      summary: `${kind.ops.getOrCreate} with tags ${JSON.stringify(probe.tags)}${
        probe.discriminateByTags ? ` and discriminateByTags ${JSON.stringify(probe.discriminateByTags)}` : ''
      } ${probe.same ? 'returns' : 'does not return'} the ${kind.name} tagged ${JSON.stringify(documentedExample.existing)}`,
    },
    async (f) => {
      const { resource: existing, body } = await createResource(f, kind, realTags(f, documentedExample.existing))
      const request: Record<string, unknown> = { ...body, tags: { ...(body.tags as Tags), ...realTags(f, probe.tags) } }
      if (probe.discriminateByTags)
        request.discriminateByTags = probe.discriminateByTags.map((key) => f.values.keyFor(key))
      const reply = await f.api.call(kind.ops.getOrCreate, { body: request })
      const found = resourceOf(kind, reply)
      expectThat(
        (found.id === existing.id) === probe.same,
        reply,
        probe.same
          ? `must return the existing ${kind.name} ${existing.id}, returned ${found.id}`
          : `must create a new ${kind.name}: a discriminating tag differs, yet it returned ${existing.id}`,
      )
    },
  )

export const documentedExampleChecks = (kind: TaggedKind): Check[] =>
  documentedExample.probes.map((probe) => documentedExampleProbe(kind, probe))
