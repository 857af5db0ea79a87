// Every TypeScript block of every README, type-checked as a user would paste it. The blocks of
// one README make one small project beside it: a block that opens with its file name
// (`// src/errors.ts`) is that file, so the others can import it (`./errors`); every other block
// is a file of its own, in the folder of the first named one. Packages resolve from the README's own folder, as they would for a user
// who installed what the README says.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '..')
const readmes = [
  'packages/core',
  'packages/fetch',
  'packages/hono',
  'packages/trpc',
  'packages/docs',
]

// Deno and Bun have no type package that coexists with the Workers types: these are the two
// calls the READMEs make, with the signatures those runtimes document.
const RUNTIMES = `
declare const Deno: { serve(handler: (request: Request) => Response | Promise<Response>): unknown }
declare const Bun: {
  serve(options: { fetch(request: Request): Response | Promise<Response> }): unknown
}
`

interface Block {
  readonly line: number
  readonly file: string
  readonly code: string
}

function blocksOf(markdown: string): Block[] {
  const blocks: Block[] = []
  let folder: string | undefined
  for (const match of markdown.matchAll(/^```(ts|tsx)\n([\s\S]*?)^```$/gm)) {
    const line = markdown.slice(0, match.index).split('\n').length
    const code = match[2] ?? ''
    const named = /^\/\/ ([\w./-]+\.tsx?)\b/.exec(code)?.[1]
    if (named) folder ??= path.posix.dirname(named)
    blocks.push({ line, file: named ?? `readme-line-${line}.${match[1]}`, code })
  }
  return blocks.map((block) =>
    block.file.startsWith('readme-line-')
      ? { ...block, file: path.posix.join(folder ?? '.', block.file) }
      : block,
  )
}

function typeCheck(folder: string, blocks: readonly Block[]): string[] {
  const dir = path.join(root, folder, '.readme-blocks')
  rmSync(dir, { recursive: true, force: true })
  const files = blocks.map((block) => {
    const file = path.join(dir, block.file)
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, block.code)
    return file
  })
  const runtimes = path.join(dir, 'runtimes.d.ts')
  writeFileSync(runtimes, RUNTIMES)
  const usesNode = blocks.some((block) => /from 'node:/.test(block.code))
  const program = ts.createProgram([...files, runtimes], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    moduleDetection: ts.ModuleDetectionKind.Force,
    strict: true,
    noUncheckedIndexedAccess: true,
    skipLibCheck: true,
    noEmit: true,
    jsx: ts.JsxEmit.ReactJSX,
    // a Worker's globals, or Node's for a script that imports node:*
    lib: usesNode ? ['lib.es2022.d.ts', 'lib.dom.d.ts'] : ['lib.es2022.d.ts'],
    types: usesNode ? ['node'] : ['@cloudflare/workers-types'],
    typeRoots: [path.join(root, 'node_modules/@types'), path.join(root, 'node_modules')],
  })
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')
    if (!diagnostic.file || diagnostic.start === undefined) return text
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start)
    const fileName = path.resolve(diagnostic.file.fileName)
    const block = blocks.find((b) => path.join(dir, b.file) === fileName)
    const where = block ? `README line ${block.line + 1 + line}` : diagnostic.file.fileName
    return `${where}: ${text}`
  })
}

describe('README code blocks', () => {
  it('finds named and unnamed blocks with the README line of each', () => {
    const markdown =
      '# x\n\n```ts\n// src/errors.ts\nexport const a = 1\n```\n\n```ts\nconst b = 2\n```\n'
    expect(blocksOf(markdown)).toEqual([
      { line: 3, file: 'src/errors.ts', code: '// src/errors.ts\nexport const a = 1\n' },
      { line: 8, file: 'src/readme-line-8.ts', code: 'const b = 2\n' },
    ])
  })

  it('reports a block that does not type-check, at its README line', () => {
    const blocks = blocksOf("```ts\nimport { nope } from '@faultline/core'\n```\n")
    expect(typeCheck('packages/core', blocks)).toEqual([
      expect.stringMatching(
        /^README line 2: Module '"@faultline\/core"' has no exported member 'nope'/,
      ),
    ])
  })

  for (const folder of readmes) {
    it(`type-checks every TypeScript block of ${folder}/README.md`, () => {
      const blocks = blocksOf(readFileSync(path.join(root, folder, 'README.md'), 'utf8'))
      expect(blocks.length).toBeGreaterThan(0)
      expect(typeCheck(folder, blocks)).toEqual([])
    })
  }
})
