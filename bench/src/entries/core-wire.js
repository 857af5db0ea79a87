// Only the wire types and isApiError: what a client that narrows errors pays.
import { isApiError } from '@faultline/core'

/** @param {unknown} thrown @returns {import('@faultline/core').ErrorBody | undefined} */
export function bodyOf(thrown) {
  return isApiError(thrown, 'POST_NOT_FOUND') ? thrown.toJSON() : undefined
}
