import { describe, expect, it } from 'vitest'
import { ConnectorError } from './connector-error'
import { redactCredentials, serverAnswerForRecord, shortenUtf8 } from './redaction'

describe('credentials a server wrote in its answer', () => {
  it.each([
    ['db_password=hunter2 db_host=10.0.0.5', 'db_password=*** db_host=10.0.0.5'],
    ['DB_PASSWD: "hunter2"', 'DB_PASSWD: ***'],
    ["api_key='k-123'&user=a", 'api_key=***&user=a'],
    ['GET /cb?access_token=abc.def&state=x', 'GET /cb?access_token=***&state=x'],
    [
      '{"user":"a","client_secret":"s3cr\\"et","expires_in":3600}',
      '{"user":"a","client_secret":"***","expires_in":3600}',
    ],
    ['{"refresh_token": 12345}', '{"refresh_token": "***"}'],
    ['Authorization: Bearer eyJhbGciOi.J9.sig', 'Authorization: Bearer ***'],
    ['proxy said Basic dXNlcjpwYXNz', 'proxy said Basic ***'],
    ['Cookie: sid=abcdef; theme=dark\r\nVia: proxy', 'Cookie: ***\r\nVia: proxy'],
    ['<d:error><password>hunter2</password></d:error>', '<d:error><password>***</password></d:error>'],
    ['see https://admin:hunter2@db.example/x', 'see https://db.example/x'],
  ])('%s', (answer, shown) => {
    expect(redactCredentials(answer)).toBe(shown)
  })

  it('leaves ordinary answers alone', () => {
    const text = 'POST https://idp.example/oauth/token: ECONNREFUSED (password policy see docs)'
    expect(redactCredentials(text)).toBe(text)
  })
})

describe('shortening to at most 500 bytes', () => {
  it('never cuts a UTF-8 character in two and says it was cut', () => {
    const text = 'あ'.repeat(400)
    const short = shortenUtf8(text, 500)
    expect(Buffer.byteLength(short)).toBeLessThanOrEqual(500)
    expect(short).toMatch(/^あ+…$/)
    expect(short).not.toContain('\uFFFD')
    expect(shortenUtf8('short', 500)).toBe('short')
  })

  it('cuts credentials before shortening, so no piece of one survives at the edge', () => {
    const answer = `${'x'.repeat(480)} password=hunter2hunter2hunter2`
    const kept = serverAnswerForRecord(answer)
    expect(Buffer.byteLength(kept)).toBeLessThanOrEqual(500)
    expect(kept).not.toMatch(/hunt/)
  })

  it('is what every ConnectorError keeps, messages included', () => {
    const body = `db_password=hunter2\n${'設定'.repeat(1000)}`
    const error = new ConnectorError(
      'permanent',
      { ja: `サーバーの応答: token=abc`, en: 'server said: token=abc' },
      `GET https://feed.example/x → HTTP 500 ${body}`,
    )
    expect(error.serverAnswer).not.toContain('hunter2')
    expect(Buffer.byteLength(error.serverAnswer ?? '')).toBeLessThanOrEqual(500)
    expect(error.localized).toEqual({ ja: 'サーバーの応答: token=***', en: 'server said: token=***' })
    expect(error.message).toBe('server said: token=***')
  })
})
