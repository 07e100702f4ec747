import { createHmac } from 'node:crypto'
import { rmSync } from 'node:fs'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ConnectorError } from '../../src/main/core/connectors/connector-error'
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store'
import type { NoticeTargetInput } from '../../src/shared/model/notices'
import { startNoticeReceivers, type NoticeReceivers } from '../support/notice-receivers'
import { outgoing, openTargetsPart, type TargetsPartHarness } from '../support/notice-targets-part'
import { tempDataDir } from '../support/test-core'

const chatworkToken = 'cw-token-0123456789abcdef'
const signingSecret = 'signing-secret-0123456789'
let now = Date.parse('2026-11-23T09:00:00+09:00')
let receivers: NoticeReceivers
let dir: string
let harness: TargetsPartHarness
const never = new AbortController().signal

beforeAll(async () => {
  receivers = await startNoticeReceivers({ chatworkToken, signingSecret, now: () => now })
})
afterAll(async () => {
  await receivers.stop()
})
beforeEach(() => {
  now = Date.parse('2026-11-23T09:00:00+09:00')
  dir = tempDataDir('renkei-notice-http-')
  harness = openTargetsPart(dir, { secrets: new MemorySecretStore(), now: () => now })
  receivers.posts.length = 0
  receivers.refused.length = 0
  receivers.failNext(200, 0)
})
afterEach(async () => {
  await harness.close()
  rmSync(dir, { recursive: true, force: true })
})

async function senderFor(target: NoticeTargetInput, secrets: Record<string, string>) {
  const saved = await harness.part.handlers['notice.targets.save']({ target: target as never, secrets })
  return harness.part.directory.senderFor(saved.target)
}

const failureOf = (promise: Promise<unknown>): Promise<ConnectorError> =>
  promise.then(
    () => {
      throw new Error('expected a failure')
    },
    (error: unknown) => error as ConnectorError,
  )

describe('chat webhooks, checked by receivers as the services check them', () => {
  it('Slack-compatible: text with the subject first, channel only for @name or #chan', async () => {
    const send = await senderFor(
      { id: 'mm', name: 'Mattermost', kind: 'slack', recipient: '@{login}' },
      { url: `${receivers.base}/slack/T000/hook-token-secret` },
    )
    await send.send(outgoing('@takahashi'), never)
    await send.send(outgoing('takahashi@example.test'), never)
    const expected = outgoing('x')
    expect(receivers.posts.map((post) => post.body)).toEqual([
      { text: `${expected.subject}\n${expected.text}`, channel: '@takahashi' },
      { text: `${expected.subject}\n${expected.text}` },
    ])
  })

  it("shows the heading once when the text's first line repeats the subject (the seed's 伝言)", async () => {
    const send = await senderFor(
      { id: 'mm', name: 'Mattermost', kind: 'slack' },
      { url: `${receivers.base}/slack/T000/hook-token-secret` },
    )
    const plain = outgoing('x')
    await send.send(outgoing('takahashi@example.test', { text: `${plain.subject}\n${plain.text}` }), never)
    expect(receivers.posts.map((post) => post.body)).toEqual([{ text: `${plain.subject}\n${plain.text}` }])
  })

  it('Teams workflow: one Adaptive Card 1.4 message of TextBlocks', async () => {
    const send = await senderFor(
      { id: 'teams', name: 'Teams', kind: 'teams' },
      { url: `${receivers.base}/teams/workflows/sig-secret` },
    )
    const sent = await send.send(outgoing('a@example.test'), never)
    expect(sent.detail).toBe('HTTP 202 ok')
    const card = (receivers.posts[0]!.body as { attachments: { content: { body: { text: string }[] } }[] })
      .attachments[0]!.content
    expect(card.body[0]!.text).toBe(outgoing('x').subject)
    expect(card.body.map((block) => block.text).join('\n')).toContain('依頼主: ○○株式会社 髙橋様 ①')
  })

  it('Chatwork: the filled pattern is the room, the token a header; a non-numeric room is permanent', async () => {
    const send = await senderFor(
      {
        id: 'cw',
        name: 'Chatwork',
        kind: 'chatwork',
        recipient: '{key}',
        chatwork: { apiBase: `${receivers.base}/v2` },
      },
      { token: chatworkToken },
    )
    await send.send(outgoing('123456'), never)
    expect(receivers.posts[0]).toMatchObject({ service: 'chatwork', path: '/v2/rooms/123456/messages' })
    expect((receivers.posts[0]!.body as { body: string }).body).toContain('要件: 折り返し電話をください ～')
    const bad = await failureOf(send.send(outgoing('E0001'), never))
    expect(bad.kind).toBe('permanent')
    expect(bad.localized.en).toContain('A Chatwork room id is a number')
  })

  it('Chatwork with a wrong token: auth error, the token nowhere in it', async () => {
    const send = await senderFor(
      {
        id: 'cw',
        name: 'Chatwork',
        kind: 'chatwork',
        recipient: '{key}',
        chatwork: { apiBase: `${receivers.base}/v2` },
      },
      { token: 'not-the-token-987654' },
    )
    const failure = await failureOf(send.send(outgoing('123'), never))
    expect(failure.kind).toBe('auth')
    expect(failure.httpStatus).toBe(401)
    expect(JSON.stringify([failure.localized, failure.serverAnswer])).not.toContain('not-the-token-987654')
  })
})

describe('signed webhooks (generic and the groupware endpoint)', () => {
  for (const kind of ['webhook', 'groupware'] as const) {
    it(`${kind}: the receiver verifies the HMAC and takes a repeat of the same message once`, async () => {
      const send = await senderFor(
        { id: kind, name: kind, kind, role: kind === 'groupware' ? 'groupware' : 'chat' },
        { url: `${receivers.base}/signed/${kind}`, signing: signingSecret },
      )
      const message = outgoing('takahashi@example.test', { messageId: `renkei-notice-1-${kind}@test-site` })
      await send.send(message, never)
      await send.send(message, never)
      expect(receivers.refused).toEqual([])
      expect(receivers.posts).toHaveLength(1)
      const post = receivers.posts[0]!
      expect(post.headers['idempotency-key']).toBe(message.messageId)
      expect(post.headers['x-renkei-timestamp']).toBe(String(now / 1000))
      const wanted = createHmac('sha256', signingSecret)
        .update(`${now / 1000}.${post.raw}`)
        .digest('hex')
      expect(post.headers['x-renkei-signature']).toBe(`v1=${wanted}`)
      expect(post.body).toEqual({
        id: message.messageId,
        kinds: ['message.created'],
        recipient: { employeeKey: 'E0001', address: 'takahashi@example.test', name: '髙橋 一郎' },
        subject: outgoing('x').subject,
        text: outgoing('x').text,
      })
    })
  }

  it('a wrong signing secret is refused by the receiver: an auth error', async () => {
    const send = await senderFor(
      { id: 'hook', name: 'hook', kind: 'webhook' },
      { url: `${receivers.base}/signed/x`, signing: 'another-secret-0123456789' },
    )
    const failure = await failureOf(send.send(outgoing('a@example.test'), never))
    expect(failure.kind).toBe('auth')
    expect(receivers.posts).toHaveLength(0)
  })

  it('a receiver whose clock is 10 minutes ahead refuses it: the timestamp is the injected clock', async () => {
    const receiverNow = now + 10 * 60_000
    const ahead = await startNoticeReceivers({ chatworkToken, signingSecret, now: () => receiverNow })
    try {
      const send = await senderFor(
        { id: 'hook', name: 'hook', kind: 'webhook' },
        { url: `${ahead.base}/signed/x`, signing: signingSecret },
      )
      expect((await failureOf(send.send(outgoing('a@example.test'), never))).kind).toBe('auth')
      expect(ahead.refused).toEqual([{ path: '/signed/x', status: 401 }])
      now = receiverNow
      await send.send(outgoing('a@example.test', { messageId: 'renkei-notice-clock@test-site' }), never)
      expect(ahead.posts).toHaveLength(1)
    } finally {
      await ahead.stop()
    }
  })
})

describe('failures as the queue needs them', () => {
  async function slack() {
    return senderFor(
      { id: 'mm', name: 'Mattermost', kind: 'slack' },
      { url: `${receivers.base}/slack/T000/hook-token-secret` },
    )
  }

  it("500 is transient; 400 is permanent; the URL's path (its token) is in neither", async () => {
    const send = await slack()
    receivers.failNext(500)
    const server = await failureOf(send.send(outgoing('a'), never))
    expect(server).toMatchObject({ kind: 'transient', httpStatus: 500, retryAfterMs: null })
    receivers.failNext(400)
    const bad = await failureOf(send.send(outgoing('a'), never))
    expect(bad).toMatchObject({ kind: 'permanent', httpStatus: 400 })
    for (const failure of [server, bad]) {
      expect(failure.localized.ja).toContain(receivers.base)
      expect(JSON.stringify([failure.localized, failure.serverAnswer])).not.toContain('hook-token-secret')
    }
  })

  it('429 is transient and carries Retry-After for the queue', async () => {
    const send = await slack()
    receivers.failNext(429, 1, '120')
    const failure = await failureOf(send.send(outgoing('a'), never))
    expect(failure).toMatchObject({ kind: 'transient', httpStatus: 429, retryAfterMs: 120_000 })
    expect(failure.localized.ja).toContain('後でもう一度送ります')
  })

  it('a receiver that is down is transient', async () => {
    const send = await senderFor(
      { id: 'mm', name: 'Mattermost', kind: 'slack' },
      { url: 'http://127.0.0.1:1/slack/T000/hook-token-secret' },
    )
    const failure = await failureOf(send.send(outgoing('a'), never))
    expect(failure.kind).toBe('transient')
    expect(failure.localized.en).toContain('Could not reach the webhook http://127.0.0.1:1')
  })

  it('a missing secret is an auth error naming the target', async () => {
    const saved = await harness.part.handlers['notice.targets.save']({
      target: { id: 'mm', name: 'Mattermost', kind: 'slack' } as never,
    })
    const failure = await failureOf(harness.part.directory.senderFor(saved.target).send(outgoing('a'), never))
    expect(failure.kind).toBe('auth')
    expect(failure.localized.ja).toContain('通知先「Mattermost」のURLがキーチェーンにありません')
  })
})
