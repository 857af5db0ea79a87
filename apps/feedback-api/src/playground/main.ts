import { type Case, cases } from './cases'
import { type Shown, type Surface, send, surfaces } from './send'

const list = document.querySelector<HTMLElement>('#cases')
const results = document.querySelector<HTMLElement>('#results')

/** Builds an element; children are text or elements, never HTML. */
function el(tag: string, attributes: Record<string, string> = {}, ...children: (Node | string)[]) {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value)
  element.append(...children)
  return element
}

async function run(test: Case): Promise<void> {
  if (!results) return
  for (const button of document.querySelectorAll('#cases button')) {
    button.toggleAttribute('aria-current', button.getAttribute('data-case') === test.id)
  }
  const columns = Object.entries(surfaces).map(([surface, title]) =>
    el(
      'article',
      { class: 'surface', 'data-surface': surface, 'aria-busy': 'true' },
      el('h3', {}, title),
    ),
  )
  results.replaceChildren(
    el('h2', {}, test.title),
    el('p', { class: 'about' }, test.about),
    el('div', { class: 'columns' }, ...columns),
  )
  results.setAttribute('data-case', test.id)
  results.removeAttribute('data-done')
  await Promise.all(
    (Object.keys(surfaces) as Surface[]).map(async (surface, i) => {
      const context = { unique: `playground-${crypto.randomUUID()}` }
      let shown: Shown
      try {
        for (const call of test.setup?.(context) ?? []) await send(surface, call)
        shown = await send(surface, test.call(context))
      } catch (thrown) {
        shown = { status: 0, headers: [], body: String(thrown), typed: null }
      }
      render(columns[i] as HTMLElement, shown)
    }),
  )
  results.setAttribute('data-done', 'true')
}

function render(column: HTMLElement, shown: Shown): void {
  column.setAttribute('data-status', String(shown.status))
  column.removeAttribute('aria-busy')
  const ok = shown.status >= 200 && shown.status < 400
  column.append(
    el('p', { class: `status ${ok ? 'ok' : 'failed'}` }, `HTTP ${shown.status}`),
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
  )
}

list?.append(
  ...cases.map((test) => {
    const button = el(
      'button',
      { type: 'button', 'data-case': test.id, title: test.about },
      test.title,
    )
    button.addEventListener('click', () => {
      history.replaceState(null, '', `#${test.id}`)
      void run(test)
    })
    return el('li', {}, button)
  }),
)

const linked = cases.find((test) => `#${test.id}` === location.hash)
if (linked) void run(linked)
