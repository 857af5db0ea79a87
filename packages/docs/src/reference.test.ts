import { defaultErrors, defineErrors, docUrlOf, fields } from '@faultline/core/adapter'
import { describe, expect, it } from 'vitest'
import { biomeFormat } from '../test/biome'
import { Anchors, githubAnchor } from './markdown'
import { renderErrorReference } from './reference'

const errors = defineErrors(
  {
    VALIDATION_ERROR: {
      status: 400,
      message: 'Validation failed',
      description: 'The request input did not match; `errors` lists each problem.',
    },
    POST_NOT_FOUND: {
      status: 404,
      message: 'Post not found',
      description: 'No post has this id.',
      data: fields<{ postId: string; hint: string }>({ postId: 'The id that was looked up' }),
    },
    TOO_MANY_REQUESTS: {
      status: 429,
      message: 'Too many requests',
      description: 'Back off exponentially.',
      retryable: true,
      retryAfter: 30,
    },
    UPSTREAM_REFUSED: {
      status: 502,
      message: 'The payment provider refused the charge',
      expose: true,
      retryable: true,
      headers: { 'x-upstream': 'payments' },
    },
  },
  { referenceUrl: 'https://api.example.com/docs/errors' },
)

/** The anchors GitHub gives a page's headings, plus explicit `<a id>` targets. */
function anchorsOf(markdown: string): string[] {
  const seen = new Map<string, number>()
  const anchors = [...markdown.matchAll(/<a id="([^"]+)"><\/a>/g)].map((match) => match[1] ?? '')
  for (const [, text] of markdown.matchAll(/^#{1,6} (.+)$/gm)) {
    const base = githubAnchor((text ?? '').replace(/\\(.)/g, '$1'))
    const count = seen.get(base)
    anchors.push(count === undefined ? base : `${base}-${count + 1}`)
    seen.set(base, (count ?? -1) + 1)
  }
  return anchors
}

describe('renderErrorReference', () => {
  it('renders the status summary, the contents, then one section per code', () => {
    expect(renderErrorReference(errors, { title: 'Feedback API errors' })).toMatchSnapshot()
  })

  it('documents a code with its message policy, retry, data fields, headers and example', () => {
    const page = renderErrorReference(errors)
    const section = page.slice(page.indexOf('### UPSTREAM_REFUSED'))
    expect(section).toMatchInlineSnapshot(`
      "### UPSTREAM_REFUSED

      - **Status:** 502 Bad Gateway
      - **Default message:** The payment provider refused the charge
      - **Message sent:** the message the server throws: this code is marked \`expose\`, so its messages must be safe to show
      - **Retryable:** yes, with exponential back-off
      - **Headers:** \`x-upstream: payments\`

      \`\`\`json
      {
        "code": "UPSTREAM_REFUSED",
        "message": "The payment provider refused the charge",
        "docUrl": "https://api.example.com/docs/errors#upstream_refused"
      }
      \`\`\`
      "
    `)
    expect(page).toContain('- **Retryable:** yes, after the `Retry-After` delay (by default 30 s)')
    expect(page).toContain(
      '- **Data:**\n  - `postId`: The id that was looked up\n\n```json\n{\n  "code": "POST_NOT_FOUND",\n  "message": "Post not found",\n  "data": {\n    "postId": "…"\n  },',
    )
  })

  it('says a 5xx message is always the default unless the code is exposable', () => {
    const page = renderErrorReference(defineErrors(defaultErrors))
    const server = page.slice(page.indexOf('### SERVER_ERROR'), page.indexOf('### BAD_GATEWAY'))
    expect(server).toContain(
      "- **Message sent:** always the default: the server's own message, stack and cause are never sent",
    )
    expect(server).toContain('"message": "Something went wrong on our end"')
  })

  it('lists every row of the convention, even with no code for it, and extra statuses', () => {
    const page = renderErrorReference(defineErrors({ GONE: { status: 410, message: 'Gone' } }))
    const rows = page
      .slice(page.indexOf('## Status codes'), page.indexOf('## Codes'))
      .split('\n')
      .filter((line) => /^\| [[\d]/.test(line))
      .map((line) => line.split(' | ')[0]?.trim())
    expect(rows).toEqual([
      '| 400 Bad Request',
      '| 401 Unauthorized',
      '| 402 Request Failed',
      '| 403 Forbidden',
      '| 404 Not Found',
      '| 409 Conflict',
      '| [410 Gone](#410-gone)',
      '| 429 Too Many Requests',
      '| 500, 502, 503, 504',
    ])
  })

  it('writes Markdown that Biome leaves as it is, so a committed reference passes biome check', () => {
    const page = renderErrorReference(
      defineErrors(
        {
          ...defaultErrors,
          'auth.expired': { status: 401, message: 'Token *expired* | renew' },
          Codes: { status: 400, message: '日本語のメッセージ 😀', description: 'Plain words.' },
          UPSTREAM: { status: 502, message: 'Upstream `x` failed', expose: true, retryable: true },
        },
        { referenceUrl: 'https://x.test/errors' },
      ),
    )
    expect(biomeFormat(page, 'ERRORS.md')).toBe(page)
  })

  it('is deterministic', () => {
    expect(renderErrorReference(errors)).toBe(renderErrorReference(errors))
  })

  it('escapes Markdown in messages so a pipe cannot break a table', () => {
    const page = renderErrorReference(
      defineErrors({ ODD: { status: 400, message: 'Use a | or *stars*' } }),
    )
    expect(page).toContain('| [ODD](#odd) | 400    | Use a \\| or \\*stars\\* |')
  })
})

describe('anchors', () => {
  it("gives every code the anchor of core's docUrlOf", () => {
    for (const catalog of [
      errors,
      defineErrors(defaultErrors, { referenceUrl: 'https://x.test/e' }),
    ]) {
      const anchors = anchorsOf(renderErrorReference(catalog))
      for (const code of Object.keys(catalog.definitions)) {
        const fragment = new URL(docUrlOf(catalog, code) ?? '').hash.slice(1)
        expect(anchors).toContain(fragment)
        expect(fragment).toBe(code.toLowerCase())
      }
    }
  })

  it('adds an explicit anchor where GitHub would give the heading another one', () => {
    const catalog = defineErrors(
      { 'auth.expired': { status: 401, message: 'Expired' }, Codes: { status: 400, message: 'x' } },
      { referenceUrl: 'https://x.test/e' },
    )
    const page = renderErrorReference(catalog)
    expect(page).toContain('<a id="auth.expired"></a>\n\n### auth.expired')
    expect(page).toContain('<a id="codes"></a>\n\n### Codes')
    const anchors = anchorsOf(page)
    expect(anchors).toContain('authexpired')
    expect(anchors).toContain('codes-1')
    for (const code of Object.keys(catalog.definitions)) {
      expect(anchors).toContain(new URL(docUrlOf(catalog, code) ?? '').hash.slice(1))
    }
  })

  it('numbers repeated headings the way GitHub does', () => {
    const anchors = new Anchors()
    expect(['A b', 'a b', 'a-b', 'POST_NOT_FOUND!'].map((text) => anchors.next(text))).toEqual([
      'a-b',
      'a-b-1',
      'a-b-2',
      'post_not_found',
    ])
  })
})
