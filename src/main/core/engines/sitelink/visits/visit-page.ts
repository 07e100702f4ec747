/**
 * The page a browser sees on opening a visit URL: allowed or refused and why, Japanese first, English below.
 * Self-contained (inline style only, no scripts or external assets; the endpoint's CSP forbids the rest)
 * and every value escaped: names and reasons come from partner data.
 */
import { permissionLabels } from '../rules/rule-labels'
import type { visitAnswer } from './visit-route'

type VisitAnswer = ReturnType<typeof visitAnswer>

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => escapes[c]!)

const headings = {
  allowed: { ja: '訪問を受け入れました', en: 'Visit accepted' },
  denied: { ja: '訪問できません', en: 'Visit not allowed' },
  refused: { ja: '訪問URLを受け付けられません', en: 'Visit URL refused' },
} as const

function section(lang: 'ja' | 'en', answer: VisitAnswer): string {
  const visitor = answer.visitor
  const rows: [string, string][] = []
  if (visitor) {
    const name = visitor.name ? `${visitor.name} (${visitor.key})` : visitor.key
    rows.push([lang === 'ja' ? '訪問者' : 'Visitor', name])
    rows.push([lang === 'ja' ? '所属サイト' : 'From site', visitor.partnerName])
  }
  if (answer.decision === 'allowed' && answer.permission)
    rows.push([lang === 'ja' ? '権限' : 'Permission', permissionLabels[answer.permission][lang]])
  const table = rows.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')
  return [
    `<section lang="${lang}">`,
    `<h1>${escapeHtml(headings[answer.decision][lang])}</h1>`,
    `<p>${escapeHtml(answer.reason[lang])}</p>`,
    rows.length ? `<table>${table}</table>` : '',
    '</section>',
  ].join('')
}

export function visitPage(answer: VisitAnswer): string {
  return [
    '<!doctype html>',
    '<html lang="ja"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(`${headings[answer.decision].ja} / ${headings[answer.decision].en}`)}</title>`,
    '<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#222}',
    'section+section{margin-top:2rem;border-top:1px solid #ccc;padding-top:1rem}',
    'th{text-align:left;padding-right:1rem;font-weight:600}</style>',
    '</head><body>',
    section('ja', answer),
    section('en', answer),
    '</body></html>',
  ].join('\n')
}
