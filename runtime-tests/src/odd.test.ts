// The conformance table from the adapters alone: the minimal apps of src/app-*.ts, written as
// each README says, in this process. Every row must be equal across the three surfaces, and the
// committed table (CONFORMANCE.md) must be what they answer today.
import { describe, expect, it } from 'vitest'
import { apps } from './apps'
import { committedSection } from './conformance-doc'
import { buildTable, differences, markdown, type Surface } from './odd'

const rest = { read: '/posts/7', write: '/drafts', unknown: '/nope' }
const surfaces: Surface[] = [
  { name: 'Hono', paths: rest, send: apps.hono },
  { name: 'Fetch', paths: rest, send: apps.fetch },
  {
    name: 'tRPC',
    paths: {
      read: `/trpc/post.get?input=${encodeURIComponent('{"id":"7"}')}`,
      write: '/trpc/draft.create',
      unknown: '/trpc/nope',
    },
    send: apps.trpc,
  },
]

describe('the odd requests, on each adapter alone', () => {
  it('answers every row the same on Hono, Fetch and tRPC, as CONFORMANCE.md shows', async () => {
    const rows = await buildTable(surfaces, { writer: 'writer', reader: 'reader' })
    expect(differences(rows, surfaces)).toEqual([])
    const table = markdown(rows, surfaces)
    expect(table).toBe(committedSection('adapters', table))
  })
})
