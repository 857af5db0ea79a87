import { type ErrorDefinition, MAX_MESSAGE_LENGTH } from '@faultline/core/adapter'
import type { DataSchema } from './data-schema'
import { dataFields, descriptionOf } from './examples'
import { escapeInline, inlineCode } from './markdown'
import { statusText } from './statuses'

/** The paragraphs of one code's section, after its heading and before its example body. */
export function codeSection(code: string, entry: ErrorDefinition, schema?: DataSchema): string[] {
  const facts = [
    `- **Status:** ${entry.status} ${statusText(entry.status)}`,
    `- **Default message:** ${escapeInline(entry.message)}`,
    `- **Message sent:** ${messagePolicy(entry)}`,
    `- **Retryable:** ${retryPolicy(entry)}`,
  ]
  const data = dataFields(entry)
  if (schema?.fields && schema.fields.length > 0) {
    facts.push('- **Data:**')
    for (const field of schema.fields) {
      const traits = [field.type, field.required ? undefined : 'optional'].filter(Boolean)
      const kind = traits.length > 0 ? ` (${traits.join(', ')})` : ''
      const said = field.description ? `: ${escapeInline(field.description)}` : ''
      facts.push(`  - ${inlineCode(field.name)}${kind}${said}`)
    }
  } else if (schema) {
    facts.push('- **Data:** see its JSON Schema in the OpenAPI document')
  } else if (data.length > 0) {
    facts.push('- **Data:**')
    for (const [name, description] of data) {
      facts.push(`  - ${inlineCode(name)}${description ? `: ${escapeInline(description)}` : ''}`)
    }
  } else if (entry.data) {
    facts.push('- **Data:** an object (no fields are documented)')
  }
  const headers = Object.entries(entry.headers ?? {})
  if (headers.length > 0) {
    facts.push(
      `- **Headers:** ${headers.map(([name, value]) => inlineCode(`${name}: ${value}`)).join(', ')}`,
    )
  }
  const description = descriptionOf(code, entry)
  return description ? [description, facts.join('\n')] : [facts.join('\n')]
}

function messagePolicy(entry: ErrorDefinition): string {
  if (entry.status < 500) {
    return `the message the server throws (cut to ${MAX_MESSAGE_LENGTH.toLocaleString('en-US')} characters), else the default`
  }
  return entry.expose
    ? 'the message the server throws: this code is marked `expose`, so its messages must be safe to show'
    : "always the default: the server's own message, stack and cause are never sent"
}

function retryPolicy(entry: ErrorDefinition): string {
  if (!entry.retryable) return 'no'
  const header = entry.status === 429 || entry.status === 503
  if (header && entry.retryAfter !== undefined) {
    return `yes, after the \`Retry-After\` delay (by default ${entry.retryAfter} s)`
  }
  if (header) return 'yes, after the `Retry-After` delay when sent, else with exponential back-off'
  return 'yes, with exponential back-off'
}
