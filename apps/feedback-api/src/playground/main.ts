import { type Case, cases, label } from './cases'
import { type Sent, type Shown, type Surface, send, surfaces } from './send'

const list = document.querySelector<HTMLElement>('#cases')
const results = document.querySelector<HTMLElement>('#results')

/** Builds an element; children are text or elements, never HTML. */
function el(tag: string, attributes: Record<string, string> = {}, ...children: (Node | string)[]) {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value)
  element.append(...children)
  return element
}

/** Each click gets a number, so that a slow earlier run never draws over a later one. */
let runs = 0

async function run(test: Case): Promise<void> {
  if (!results) return
  const runId = ++runs
  for (const button of document.querySelectorAll('#cases button')) {
    const current = button.getAttribute('data-case') === test.id
    if (current) button.setAttribute('aria-current', 'true')
    else button.removeAttribute('aria-current')
  }
  const columns = Object.entries(surfaces).map(([surface, title]) =>
    el(
      'article',
      { class: 'surface', 'data-surface': surface, 'aria-busy': 'true' },
      el('h3', {}, title),
    ),
  )
  results.replaceChildren(
    el('h2', {}, label(test)),
    el('p', { class: 'about' }, test.about),
    el('div', { class: 'columns' }, ...columns),
  )
  results.setAttribute('data-case', test.id)
  results.setAttribute('data-run', String(runId))
  results.removeAttribute('data-done')
  await Promise.all(
    (Object.keys(surfaces) as Surface[]).map(async (surface, i) => {
      const context = { unique: `playground-${crypto.randomUUID()}` }
      let shown: Shown
      try {
        for (const call of test.setup?.(context) ?? []) await send(surface, call)
        shown = await send(surface, test.call(context))
        for (let tries = 1; tries < (test.tries ?? 1) && shown.status !== test.status; tries++) {
          shown = await send(surface, test.call(context))
        }
      } catch (thrown) {
        shown = { status: 0, statusText: '', headers: [], body: String(thrown), typed: null }
      }
      if (runId === runs) render(columns[i] as HTMLElement, shown)
    }),
  )
  if (runId === runs) results.setAttribute('data-done', 'true')
}

function render(column: HTMLElement, shown: Shown): void {
  column.setAttribute('data-status', String(shown.status))
  column.removeAttribute('aria-busy')
  const ok = shown.status >= 200 && shown.status < 400
  column.append(
    el('h4', {}, 'Request'),
    el('pre', { class: 'request' }, shown.request ? requestText(shown.request) : '(not sent)'),
    el('h4', {}, 'Response'),
    el(
      'p',
      { class: `status ${ok ? 'ok' : 'failed'}` },
      `HTTP ${shown.status}`,
      shown.statusText ? el('span', { class: 'reason' }, ` ${shown.statusText}`) : '',
    ),
    el(
      'dl',
      {},
      ...shown.headers.flatMap(([name, value]) => [el('dt', {}, name), el('dd', {}, value)]),
    ),
    el('h4', {}, 'Body'),
    el('pre', { class: 'body' }, shown.body || '(empty)'),
    el('h4', {}, 'Typed error from the client helper'),
    el(
      'pre',
      { class: 'typed' },
      shown.typed ? JSON.stringify(shown.typed, null, 2) : '(none: the call succeeded)',
    ),
    el('h4', {}, 'Its type: the codes this operation declares'),
    codeUnion(shown),
  )
}

/**
 * The narrowed type of the typed error's `code`: the union of the codes the operation declares
 * (`src/errors-per-route.ts`), the code it got marked.
 */
function codeUnion(shown: Shown): HTMLElement {
  const got = typeof shown.typed?.code === 'string' ? shown.typed.code : undefined
  if (!shown.declared) {
    return el('pre', { class: 'union' }, '(no operation: any code of the catalog)')
  }
  const lines = shown.declared.codes.map((code) =>
    code === got ? el('mark', {}, `| '${code}'`) : `| '${code}'`,
  )
  return el(
    'pre',
    {
      class: 'union',
      'data-operation': shown.declared.operation,
      'data-codes': shown.declared.codes.join(' '),
    },
    `// ${shown.declared.operation}: error.code is\n`,
    ...lines.flatMap((line, i) => (i === 0 ? [line] : ['\n', line])),
  )
}

/** The request as an HTTP/1.1 message: request line, headers, a blank line, the body. */
function requestText(request: Sent): string {
  const head = [
    `${request.method} ${request.path}`,
    ...request.headers.map(([name, value]) => `${name}: ${value}`),
  ]
  return request.body === undefined ? head.join('\n') : `${head.join('\n')}\n\n${request.body}`
}

/** The label with a line-break opportunity after each underscore: long codes wrap at a word. */
function breakable(text: string): (Node | string)[] {
  return text.split(/(?<=_)/).flatMap((part, i) => (i === 0 ? [part] : [el('wbr'), part]))
}

list?.append(
  ...cases.map((test) => {
    const button = el('button', { type: 'button', 'data-case': test.id }, ...breakable(label(test)))
    button.addEventListener('click', () => {
      history.replaceState(null, '', `#${test.id}`)
      void run(test)
    })
    return el('li', {}, button)
  }),
)

const linked = cases.find((test) => `#${test.id}` === location.hash)
if (linked) void run(linked)
