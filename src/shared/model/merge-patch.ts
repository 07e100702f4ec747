import { z } from 'zod'

/**
 * JSON Merge Patch (RFC 7396) of a settings document: members present replace, objects merge
 * recursively, arrays replace whole, `null` removes a member (so it takes its default again).
 */
export type MergePatch<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { readonly [K in keyof T]?: MergePatch<T[K]> | null }
    : T

type JsonObject = { readonly [key: string]: unknown }

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * The wire shape of a patch: any JSON object. What it may contain is checked after it is applied,
 * on the whole result, so an error names the field as it will be stored.
 */
export function mergePatchOf<T>(): z.ZodType<MergePatch<T>, MergePatch<T>> {
  return z.record(z.string(), z.json()) as unknown as z.ZodType<MergePatch<T>, MergePatch<T>>
}

/**
 * Applies `patch` to `target` as RFC 7396 says, with one addition for discriminated sections: an
 * object whose `discriminator` member changes (a CSV source becoming an LDAP one) is replaced, not
 * merged, since the old kind's fields mean nothing to the new one.
 */
export function applyMergePatch(target: unknown, patch: unknown, discriminator?: string): unknown {
  if (!isObject(patch)) return patch
  const kindChanged =
    discriminator !== undefined &&
    isObject(target) &&
    patch[discriminator] !== undefined &&
    patch[discriminator] !== null &&
    patch[discriminator] !== target[discriminator]
  const base = isObject(target) && !kindChanged ? target : {}
  const result: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key]
    // defineProperty: a member named "__proto__" stays a member (and is refused by the schema).
    else
      Object.defineProperty(result, key, {
        value: applyMergePatch(Object.hasOwn(result, key) ? result[key] : undefined, value, discriminator),
        enumerable: true,
        writable: true,
        configurable: true,
      })
  }
  return result
}
