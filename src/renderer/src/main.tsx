import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { AppShell } from './app/app-shell'
import { transport } from './lib/api'
import { connectStores } from './stores/connect-stores'
import { startRouter } from './stores/navigation-store'
import './styles/app.css'

connectStores(transport)
// After `lib/api` took the access token out of the address bar (it runs when imported, above).
startRouter()

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <AppShell />
  </StrictMode>,
)
