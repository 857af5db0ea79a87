// What a user meets before the code: each published package.json says where the project lives
// and what it runs on, and each README's install lines name every package its snippets import,
// in one package manager's words (`npm install`; contributors use pnpm, see the root README).
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '..')
const repository = 'git+https://github.com/faultline-dev/faultline.git'
const site = 'https://github.com/faultline-dev/faultline'

const published = readdirSync(path.join(root, 'packages')).filter((name) => {
  const json = JSON.parse(readFileSync(path.join(root, 'packages', name, 'package.json'), 'utf8'))
  return json.private !== true
})

function manifest(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(root, 'packages', name, 'package.json'), 'utf8'))
}

/** The packages a README's ```ts blocks import, by package name (`hono/client` is `hono`). */
function importedPackages(markdown: string): string[] {
  const names = new Set<string>()
  for (const block of markdown.matchAll(/^```tsx?\n([\s\S]*?)^```$/gm)) {
    for (const [, specifier = ''] of (block[1] ?? '').matchAll(/\bfrom '([^']+)'/g)) {
      if (specifier.startsWith('.') || specifier.startsWith('node:')) continue
      const parts = specifier.split('/')
      names.add(parts.slice(0, specifier.startsWith('@') ? 2 : 1).join('/'))
    }
  }
  return [...names].sort()
}

/** The packages the README's `npm install` lines name (flags and comments left out). */
function installedPackages(markdown: string): string[] {
  const names = new Set<string>()
  for (const [, args = ''] of markdown.matchAll(/^npm install ([^\n#]*)/gm)) {
    for (const word of args.split(/\s+/)) if (word && !word.startsWith('-')) names.add(word)
  }
  return [...names].sort()
}

describe('the published package.json files', () => {
  it('finds the published packages', () => {
    expect(published.sort()).toEqual(['core', 'docs', 'fetch', 'hono', 'trpc'])
  })

  for (const name of published) {
    it(`packages/${name} says where it lives, how to report a bug and what it runs on`, () => {
      const json = manifest(name)
      expect(json.repository).toEqual({
        type: 'git',
        url: repository,
        directory: `packages/${name}`,
      })
      expect(json.homepage).toBe(`${site}/tree/main/packages/${name}#readme`)
      expect(json.bugs).toEqual({ url: `${site}/issues` })
      expect(json.engines).toEqual({ node: '>=20' })
      expect(json.keywords).toEqual(expect.arrayContaining(['errors', 'faultline']))
      expect(new Set(json.keywords as string[]).size).toBe((json.keywords as string[]).length)
    })
  }
})

describe('the install lines of the READMEs', () => {
  it('reads imports and install lines', () => {
    const markdown = [
      '```sh',
      'npm install @faultline/core zod # a comment names-nothing',
      'npm install --save-dev esbuild',
      '```',
      '```ts',
      "import { Hono } from 'hono'",
      "import { hc } from 'hono/client'",
      "import { x } from '@faultline/core/adapter'",
      "import { readFileSync } from 'node:fs'",
      "import { errors } from './errors'",
      '```',
    ].join('\n')
    expect(importedPackages(markdown)).toEqual(['@faultline/core', 'hono'])
    expect(installedPackages(markdown)).toEqual(['@faultline/core', 'esbuild', 'zod'])
  })

  for (const name of published) {
    it(`packages/${name}/README.md installs every package its snippets import, with npm`, () => {
      const markdown = readFileSync(path.join(root, 'packages', name, 'README.md'), 'utf8')
      const installed = installedPackages(markdown)
      expect(installed).toContain(`@faultline/${name}`)
      expect(importedPackages(markdown).filter((pkg) => !installed.includes(pkg))).toEqual([])
      expect(markdown).not.toMatch(/^(pnpm add|yarn add|bun add|npm i) /m)
    })
  }
})

describe('quiet scripts', () => {
  const manifests = ['package.json', 'apps/feedback-api/package.json'].map((file) => ({
    file,
    scripts: JSON.parse(readFileSync(path.join(root, file), 'utf8')).scripts as Record<
      string,
      string
    >,
  }))
  const commands = manifests.flatMap(({ file, scripts }) =>
    Object.entries(scripts).flatMap(([name, script]) =>
      script.split(/\s*&&\s*/).map((command) => ({ where: `${file} ${name}`, command })),
    ),
  )

  it('runs turbo without its telemetry banner', () => {
    const turbo = commands.filter(({ command }) => /(^|\s)turbo\s/.test(command))
    expect(turbo.length).toBeGreaterThan(0)
    for (const { where, command } of turbo) {
      expect(command, where).toMatch(/^TURBO_TELEMETRY_DISABLED=1 /)
    }
  })

  it('runs wrangler without metrics, and applies migrations without asking', () => {
    const wrangler = commands.filter(({ command }) => /(^|\s)wrangler\s/.test(command))
    expect(wrangler.length).toBeGreaterThan(0)
    for (const { where, command } of wrangler) {
      expect(command, where).toContain('WRANGLER_SEND_METRICS=false ')
      // In a terminal `d1 migrations apply` asks "continue?"; without one on stdin it does not.
      if (command.includes('migrations apply')) expect(command, where).toMatch(/<\s*\/dev\/null$/)
    }
  })
})
