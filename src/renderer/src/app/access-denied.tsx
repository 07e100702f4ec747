import type { ReactNode } from 'react'
import { en } from '../i18n/en'
import { ja } from '../i18n/ja'

/** Shown instead of the app when the daemon refuses the token: always in both languages. */
export function AccessDenied(): ReactNode {
  return (
    <main className="access-denied" data-testid="access-denied">
      <div className="access-denied-box" role="alert">
        <h1 lang="ja">{ja['access.title']}</h1>
        <p lang="ja">{ja['access.body']}</p>
        <p lang="ja" className="hint">
          {ja['access.hint']}
        </p>
        <p lang="ja" className="hint">
          {ja['access.bookmark']}
        </p>
        <hr />
        <h1 lang="en">{en['access.title']}</h1>
        <p lang="en">{en['access.body']}</p>
        <p lang="en" className="hint">
          {en['access.hint']}
        </p>
        <p lang="en" className="hint">
          {en['access.bookmark']}
        </p>
      </div>
    </main>
  )
}
