import { describe, expect, it } from 'vitest'
import type { HealthOverview, HealthSubject } from '../../../../shared/model/health'
import { adminPage } from './gadget-admin-page'
import { employeePage, noticeItem } from './gadget-employee-page'
import { frameAncestors, gadgetHeaders } from './gadget-html'

const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'

describe('gadget pages escape what the groupware wrote', () => {
  it('a notice with <script> in its title and text is shown as text, never as markup', () => {
    const html = employeePage({
      language: 'ja',
      siteName: 'A社 <b>',
      employeeName: '山田 "太郎"',
      token: 'abc.def',
      notices: [
        { id: 7, kind: 'schedule.changed', subject: hostile, text: `内容: ${hostile}`, at: 0, read: false },
      ],
      unread: 1,
    })
    expect(html).not.toContain('<script>alert')
    expect(html).not.toContain('<img')
    expect(html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;')
    expect(html).toContain('A社 &#60;b&#62;')
    expect(html).toContain('山田 &#34;太郎&#34;')
    // The page's own script is the only one, served from the mount.
    expect(html.match(/<script/g)).toHaveLength(1)
    expect(html).toContain('<script src="../gadget.js"></script>')
  })

  it('marks unread notices (dot) and not read ones', () => {
    const unread = noticeItem(
      { id: 1, kind: 'todo.added', subject: 's', text: 't', at: 0, read: false },
      'en',
    )
    const read = noticeItem({ id: 2, kind: 'todo.added', subject: 's', text: 't', at: 0, read: true }, 'en')
    expect(unread).toContain('class="unread"')
    expect(unread).toContain('class="dot"')
    expect(read).not.toContain('unread')
    expect(read).not.toContain('class="dot"')
  })

  it('escapes link names and failure reasons in the admin gadget, and never shows a failing link as ok', () => {
    const subject = (over: Partial<HealthSubject>): HealthSubject => ({
      engine: 'site-link',
      id: 'x',
      kind: 'engine',
      name: null,
      state: 'ok',
      errorStreak: 0,
      lastSuccessAt: null,
      lastFailureAt: null,
      lastFailure: null,
      errors24h: 0,
      nextRunAt: null,
      note: null,
      ...over,
    })
    const overview: HealthOverview = {
      computedAt: 0,
      engines: [
        {
          engine: subject({}),
          subjects: [
            subject({
              kind: 'link',
              name: hostile,
              state: 'failing',
              lastFailure: { ja: hostile, en: hostile },
              errors24h: 3,
            }),
          ],
        },
      ],
      attention: [],
      series: [],
      planned: [],
    }
    const html = adminPage(overview, 'ja', 'A社', 'tok')
    expect(html).not.toContain('<img')
    expect(html.match(/<script/g)).toHaveLength(1)
    // The engine row takes its failing link's state.
    expect(html).toMatch(/<li class="engine" data-state="failing">/)
    expect(html).not.toContain('data-state="ok"')
  })
})

describe('gadget headers', () => {
  it("frame-ancestors lists the admin's portal origins, or 'none' when there are none", () => {
    expect(frameAncestors([])).toBe("'none'")
    expect(frameAncestors(['https://portal.example.co.jp', 'http://127.0.0.2:8080/'])).toBe(
      'https://portal.example.co.jp http://127.0.0.2:8080',
    )
  })

  it('drops values that would change the policy or are not origins', () => {
    expect(frameAncestors(["https://a.example; script-src 'unsafe-inline'"])).toBe("'none'")
    expect(frameAncestors(['https://a.example https://evil.example'])).toBe("'none'")
    expect(frameAncestors(['javascript:alert(1)', '*', 'ftp://a.example', "'self'"])).toBe("'none'")
    expect(frameAncestors(['https://a.example/portal/top'])).toBe('https://a.example')
    expect(frameAncestors(['https://ok.example', 'https://ok.example'])).toBe('https://ok.example')
  })

  it('sends the CSP, nosniff, no-referrer and no-store, and never X-Frame-Options', () => {
    const headers = gadgetHeaders(['https://portal.example.co.jp'], 'text/html; charset=utf-8')
    expect(headers['Content-Security-Policy']).toMatch(
      /^default-src 'self'; style-src 'sha256-[A-Za-z0-9+/=]+'; .*frame-ancestors https:\/\/portal\.example\.co\.jp$/,
    )
    expect(headers['X-Content-Type-Options']).toBe('nosniff')
    expect(headers['Referrer-Policy']).toBe('no-referrer')
    expect(headers['Cache-Control']).toBe('no-store')
    expect(Object.keys(headers).map((h) => h.toLowerCase())).not.toContain('x-frame-options')
  })
})
