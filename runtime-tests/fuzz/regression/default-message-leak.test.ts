// Bug (core, error.ts + normalize.ts): an ApiError without a `defaultMessage` makes its own message
// the public one (`this.defaultMessage = init.defaultMessage || this.message`), so a 5xx shows
// the thrown message. Reached from: an error of another copy whose code is not in the catalog
// and that carries no string `defaultMessage` (fromOtherCopy passes `undefined`); a branded
// non-Error thrown in a tRPC procedure (tRPC's wrapper copies enumerable fields only); and
// `new ApiError({ code, status: 500, message })` as the ApiErrorInit JSDoc shows.
// Fix: in the constructor, `this.defaultMessage = init.defaultMessage || (status >= 500 ?
// defaultErrors.SERVER_ERROR.message : this.message)`; in fromOtherCopy, fall back to
// `fromStatus(status, { catalog }).defaultMessage` when neither the copy nor the catalog has one.
import { API_ERROR, ApiError } from '@faultline/core/adapter'
import { withErrors } from '@faultline/fetch'
import { createTRPCErrors } from '@faultline/trpc'
import { initTRPC } from '@trpc/server'
import { fetchRequestHandler } from '@trpc/server/adapters/fetch'
import { describe, expect, it } from 'vitest'

const SECRET = 'postgres://admin:hunter2@db'

describe('regression: default-message-leak', () => {
  it('hides the message of a 5xx from another copy that has no default message', async () => {
    const other = Object.assign(new Error(SECRET), { [API_ERROR]: true, code: 'DB', status: 500 })
    const handler = withErrors(() => {
      throw other
    })
    const response = await handler(new Request('http://localhost/'))
    expect(response.status).toBe(500)
    expect(await response.text()).not.toContain(SECRET)
  })

  it('hides the message of a 5xx ApiError made without a default message', () => {
    const error = new ApiError({ code: 'DB', status: 500, message: SECRET })
    expect(JSON.stringify(error.toJSON())).not.toContain(SECRET)
  })

  it('hides the message of a branded plain object thrown in a tRPC procedure', async () => {
    const trpcErrors = createTRPCErrors()
    const t = initTRPC.create({ isDev: false, errorFormatter: trpcErrors.errorFormatter })
    const router = t.router({
      boom: t.procedure.query(() => {
        // a branded object whose default message is not an own enumerable field
        throw Object.defineProperties(
          { [API_ERROR]: true, code: 'DB', status: 500, message: SECRET },
          { defaultMessage: { value: 'Database down' } },
        )
      }),
    })
    const response = await fetchRequestHandler({
      endpoint: '/trpc',
      req: new Request('http://localhost/trpc/boom'),
      router,
      onError: trpcErrors.onError,
      responseMeta: trpcErrors.responseMeta(),
    })
    expect(response.status).toBe(500)
    expect(await response.text()).not.toContain(SECRET)
  })
})
