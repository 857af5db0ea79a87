// The README's `./errors` for the recipes beside this file: the catalog the tests share.
export { errors } from '@faultline/test-catalog'
