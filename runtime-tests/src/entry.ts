// The bundle's entry: everything a runtime needs to run the suite, and nothing else.
export { cases } from './cases'
export { type RunResult, run } from './run'
export { detectRuntime } from './runtime'
