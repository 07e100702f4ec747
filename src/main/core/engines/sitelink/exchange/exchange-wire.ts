import { z } from 'zod'
import { linkDataKinds, presenceKinds, type LinkDataKind } from '../../../../../shared/model/sitelink'
import { acceptRule, visitTarget } from '../../../../../shared/model/sitelink-rules'

/**
 * The batch a sender POSTs to `renkei-link/v1/batches` and the receiver's acknowledgement. A batch is one
 * outbox entry: numbered per (link, kind), so the receiver applies each number once whatever is resent.
 */
export const batchPath = 'renkei-link/v1/batches'

const text = (max: number) => z.string().max(max)
const optionalText = (max: number) => text(max).nullable()
const code = z.string().min(1).max(200)

const employee = z
  .object({
    key: code,
    nameJa: text(400),
    nameEn: optionalText(400),
    kana: optionalText(400),
    email: optionalText(400),
    mainDepartment: code.nullable(),
    otherDepartments: z.array(code).max(200),
    positions: z.array(code).max(100),
    active: z.boolean(),
  })
  .strict()

const department = z
  .object({
    code,
    nameJa: text(400),
    nameEn: optionalText(400),
    parent: code.nullable(),
    order: z.number(),
  })
  .strict()

const position = z.object({ code, nameJa: text(400), nameEn: optionalText(400), rank: z.number() }).strict()

const company = z.object({ companyName: text(400), siteName: optionalText(400) }).strict()

const schedule = z
  .object({
    id: text(1000).min(1),
    employeeKey: code,
    start: z.number().int(),
    end: z.number().int(),
    allDay: z.boolean(),
    busyOnly: z.boolean(),
    summary: optionalText(2000),
    location: optionalText(2000),
    description: optionalText(20_000),
  })
  .strict()
  // A busy-only event never carries text, whatever a sender put in it.
  .refine((s) => !s.busyOnly || (s.summary === null && s.location === null && s.description === null))

const presence = z
  .object({
    employeeKey: code,
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    kind: z.enum(presenceKinds),
    destination: optionalText(400),
    returnAt: z.number().int().nullable(),
    note: optionalText(2000),
    updatedAt: z.number().int(),
  })
  .strict()

/**
 * The sender's rules for this link: item `visit` (group targets travel with their members, since partners
 * receive no groups) and item `accept`. `version` is the sender's, so each side can tell which one it holds.
 */
export const visitRulesItem = z
  .object({
    version: z.number().int().min(0),
    everyone: z.boolean(),
    targets: z.array(visitTarget).max(2_000),
    groupMembers: z.record(code, z.array(code).max(100_000)),
  })
  .strict()
export type VisitRulesItem = z.infer<typeof visitRulesItem>

export const acceptRulesItem = z
  .object({ version: z.number().int().min(0), rules: z.array(acceptRule).min(1).max(2_000) })
  .strict()
export type AcceptRulesItem = z.output<typeof acceptRulesItem>

/** Each kind's item data, checked before anything is applied. */
export const itemSchemas: Readonly<Record<LinkDataKind, z.ZodType>> = {
  company,
  employee,
  department,
  position,
  schedule,
  presence,
  rules: z.union([visitRulesItem, acceptRulesItem]),
}

export const maxBatchItems = 5000

export const linkBatch = z
  .object({
    v: z.literal(1),
    kind: z.enum(linkDataKinds),
    seq: z.number().int().min(1),
    /**
     * A relink's full resend starts with this: the receiver drops what it holds of the kind first (schedules
     * only from `from`, the 1st of the previous month: older ones stay), then applies the batch.
     */
    reset: z.object({ from: z.number().int().nullable() }).strict().optional(),
    upserts: z.array(z.object({ key: text(1200).min(1), data: z.unknown() }).strict()).max(maxBatchItems),
    deletes: z.array(text(1200).min(1)).max(maxBatchItems),
  })
  .strict()
export type LinkBatch = z.infer<typeof linkBatch>

export interface BatchAck {
  readonly seq: number
  /** False when the receiver had already applied this number: acknowledged, not applied again. */
  readonly applied: boolean
}

export const batchAck = z.object({ seq: z.number().int(), applied: z.boolean() })
