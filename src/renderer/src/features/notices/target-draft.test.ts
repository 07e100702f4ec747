import { describe, expect, it } from 'vitest'
import { noticeTargetInput } from '../../../../shared/model/notices'
import { draftOfTarget, newTargetDraft, targetInputOf } from './target-draft'

describe('target drafts', () => {
  it('sends only the block of the kind chosen, so a kind changed in the form leaves nothing stale', () => {
    const smtp = { ...newTargetDraft('smtp'), id: 'mail', name: 'メール', smtpHost: 'smtp.example.co.jp' }
    const asXmpp = targetInputOf({
      ...smtp,
      kind: 'xmpp',
      xmpp: { ...smtp.xmpp, domain: 'chat.example.co.jp' },
    })
    expect(asXmpp.smtp).toBeUndefined()
    expect(asXmpp.xmpp).toMatchObject({ domain: 'chat.example.co.jp' })
    expect(targetInputOf(smtp).smtp).toMatchObject({
      host: 'smtp.example.co.jp',
      port: 587,
      charset: 'utf-8',
    })
  })

  it('reads a saved target back into the same input', () => {
    const saved = noticeTargetInput.parse({
      id: 'mail',
      name: '社内メール',
      kind: 'smtp',
      digestMinutes: 15,
      smtp: {
        host: '127.0.0.1',
        port: 2525,
        security: 'none',
        from: 'r@a.example.jp',
        charset: 'iso-2022-jp',
      },
    })
    expect(noticeTargetInput.parse(targetInputOf(draftOfTarget(saved)))).toEqual(saved)
  })

  it('sends a number that is not one as NaN, for the core to refuse with the field named', () => {
    const draft = {
      ...newTargetDraft('slack'),
      id: 'mm',
      name: 'MM',
      ratePerMinute: '6O',
      digestMinutes: ' 5 ',
    }
    const input = targetInputOf(draft)
    expect(input.ratePerMinute).toBeNaN()
    expect(input.digestMinutes).toBe(5)
    expect(noticeTargetInput.safeParse(input).success).toBe(false)
  })
})
