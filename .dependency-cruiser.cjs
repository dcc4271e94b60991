// The layers of the project, lowest first; an import may only point down (npm run lint checks it).
//   contract, environment   the documented contract (schemas registry, operations, rules, levels) and settings parsing
//   fixtures, reference,    case tables and generators; the embedded reference server;
//   harness                 the certification engine (client, checks, catalogue, runner, reporting)
//   runs                    running a certification: the embedded target, the child-process runner
//   tools                   the self-test, benchmarks, OpenAPI export, drift, Prism
//   cli, library            the commands; the library entry point (src/index.ts, src/library/)
// tests/ (the conformance specs) stand on the harness; harness-tests/ may use anything.
const tools = '^src/(selfTest|bench|openapi|drift|prism)/'
const below = {
  contract: '^src/(contract|environment)/',
  fixtures: '^fixtures/',
  reference: '^src/reference/',
  harness: '^src/harness/',
  runs: '^src/runs/',
}
const rule = (name, from, allowed, comment) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from },
  to: { path: '^(src|fixtures|tests|harness-tests)/', pathNot: [from, ...allowed] },
})

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'modules that import each other cannot be understood one at a time',
      from: {},
      to: { circular: true },
    },
    rule('contract-stands-alone', below.contract, [below.contract], 'the contract is the ground everything stands on'),
    rule('fixtures-on-contract', below.fixtures, [below.contract], 'case tables read the contract, nothing above it'),
    rule(
      'reference-on-contract',
      below.reference,
      [below.contract],
      'the reference server knows the contract, not the harness that certifies it',
    ),
    rule(
      'harness-on-contract',
      below.harness,
      [below.contract, below.fixtures],
      'the harness knows the contract, not the reference it may certify',
    ),
    rule(
      'runs-below-tools',
      below.runs,
      [below.contract, below.fixtures, below.reference, below.harness],
      'running a certification needs no tool or command',
    ),
    rule(
      'tools-below-cli',
      tools,
      [below.contract, below.fixtures, below.reference, below.harness, below.runs, tools],
      'tools are used by commands, never the other way',
    ),
    rule(
      'library-below-cli',
      '^src/(library/|index[.]ts$)',
      [below.contract, below.harness, below.runs, '^src/library/'],
      'the library runs the certify command as a child process, it does not import the commands',
    ),
    rule(
      'specs-on-harness',
      '^tests/',
      [below.contract, below.fixtures, below.harness],
      'conformance specs compose the harness’s checks',
    ),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|reports|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
}
