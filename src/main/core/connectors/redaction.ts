/** Turns text that may hold a secret into text that may be shown: an error, a log line, the UI. */
export type Redactor = (text: string) => string

/**
 * Every secret in every form it was sent (password, token, the Basic header's base64) becomes ***, and
 * the user:password@ part of URLs goes.
 */
export function redactorFor(secrets: readonly string[]): Redactor {
  const hidden = secrets.filter((secret) => secret.length > 0)
  return (text) =>
    hidden.reduce(
      (result, secret) => result.split(secret).join('***'),
      text.replace(/\b(https?:\/\/)[^/\s@]*@/gi, '$1'),
    )
}
