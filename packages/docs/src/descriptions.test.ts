import { defaultErrors, defineErrors } from '@faultline/core'
import { describe, expect, it, vi } from 'vitest'
import { openApiComponents } from './openapi'
import { renderErrorReference } from './reference'

// Core keeps the convention's descriptions of its default codes in `defaultDescriptions`.
vi.mock('@faultline/core/adapter', async (original) => ({
  ...(await original<typeof import('@faultline/core/adapter')>()),
  defaultDescriptions: { NOT_FOUND: "The requested resource doesn't exist.", CONFLICT: 'Taken.' },
}))

describe('descriptions of default codes', () => {
  it("prints core's description of a default code the catalog leaves undescribed", () => {
    const errors = defineErrors({
      NOT_FOUND: { ...defaultErrors.NOT_FOUND, headers: { 'x-hint': 'ids are numbers' } },
      CONFLICT: { ...defaultErrors.CONFLICT, description: 'Our own words.' },
    })
    const page = renderErrorReference(errors)
    expect(page).toContain(
      "### NOT_FOUND\n\nThe requested resource doesn't exist.\n\n- **Status:**",
    )
    expect(page).toContain('### CONFLICT\n\nOur own words.\n\n- **Status:**')
    expect(openApiComponents(errors).schemas.NOT_FOUND?.description).toBe(
      "404 Not Found: The requested resource doesn't exist.",
    )
  })

  it('does not lend it to a default code moved to another status', () => {
    const errors = defineErrors({ NOT_FOUND: { status: 410, message: 'Gone' } })
    expect(renderErrorReference(errors)).toContain('### NOT_FOUND\n\n- **Status:** 410 Gone')
  })
})
