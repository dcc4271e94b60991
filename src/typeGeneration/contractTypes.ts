// TypeScript types generated from schemas/, so the client's signatures and the reference's
// handlers cannot drift from the contract: one interface per schema file, gathered in one map
// (ContractTypes) whose keys name what each file describes (User, CreateUserBody, ListUsersQuery,
// UserAnswer, StateParams). `npm run types` writes the file; `--check` says whether it is current.
import { readdirSync } from 'node:fs'
import { compile, type JSONSchema } from 'json-schema-to-typescript'
import { format, resolveConfig } from 'prettier'
import { codeFile, dataFile } from '../environment/packageLayout.ts'

/** The committed file the types are written to. */
export const contractTypesPath = codeFile('src/contract/contractTypes.generated')

/** Each folder of schemas/ and the suffix its types carry. */
const kinds = { resources: '', requests: 'Body', queries: 'Query', responses: 'Answer', params: 'Params' } as const

const capitalized = (name: string) => name.charAt(0).toUpperCase() + name.slice(1)

/** The map of every schema file, keyed by its type's name. */
function contractMap(): JSONSchema {
  const properties: Record<string, JSONSchema> = {}
  for (const [folder, suffix] of Object.entries(kinds)) {
    for (const file of readdirSync(dataFile(`schemas/${folder}`)).sort()) {
      if (!file.endsWith('.json')) continue
      properties[`${capitalized(file.slice(0, -'.json'.length))}${suffix}`] = { $ref: `./${folder}/${file}` }
    }
  }
  return {
    title: 'ContractTypes',
    description: 'Every schema of schemas/ as a TypeScript type, by name.',
    type: 'object',
    additionalProperties: false,
    properties,
    required: Object.keys(properties),
  }
}

const banner = [
  '// Generated from schemas/ by `npm run types`; do not edit by hand (npm test fails when it is',
  '// not what schemas/ give). Use the names of src/contract/types.ts.',
].join('\n')

/** The generated file's text, formatted as the project formats its code. */
export async function contractTypesText(): Promise<string> {
  const text = await compile(contractMap(), 'ContractTypes', {
    cwd: dataFile('schemas'),
    bannerComment: banner,
    declareExternallyReferenced: true,
    format: false,
    unknownAny: true,
    additionalProperties: true,
  })
  const options = (await resolveConfig(contractTypesPath)) ?? {}
  return format(text, { ...options, filepath: contractTypesPath })
}
