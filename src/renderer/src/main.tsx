import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { AppShell } from './app/app-shell'
import { transport } from './lib/api'
import { connectStores } from './stores/connect-stores'
import './styles/app.css'

connectStores(transport)

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <AppShell />
  </StrictMode>,
)
