/**
 * For the 100,000-people preview against SCIM: a SCIM service that already holds everyone in the CSV, as
 * Renkei would have written them, answering listings (startIndex/count, at most 200 a page) from pages
 * built once. It measures Renkei's side of a preview; the test SCIM servers (SCIMMY, Better Auth) copy their
 * whole store on every listing request and would measure themselves instead.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { CsvDirectorySource } from '../src/main/core/connectors/csv/csv-directory-source'
import { toScimUser } from '../src/main/core/connectors/scim/scim-resource-mapper'
import { TargetProjection } from '../src/main/core/engines/directory/target-projection'
import { csvSourceConfig } from '../src/shared/model/directory-config'

const maxResults = 200
const listSchema = 'urn:ietf:params:scim:api:messages:2.0:ListResponse'

export interface ScimListServer {
  readonly baseUrl: string
  readonly token: string
  requests(): number
  stop(): Promise<void>
}

async function usersAsJson(usersFile: string, departmentsFile: string): Promise<string[]> {
  const source = new CsvDirectorySource(csvSourceConfig.parse({ kind: 'csv', usersFile, departmentsFile }))
  const { snapshot } = await source.read(new AbortController().signal)
  const projection = new TargetProjection(snapshot)
  return snapshot.employees.map((e, i) =>
    JSON.stringify({ id: `u${i}`, ...toScimUser(projection.user(e), null) }),
  )
}

export async function startScimListServer(
  usersFile: string,
  departmentsFile: string,
): Promise<ScimListServer> {
  const users = await usersAsJson(usersFile, departmentsFile)
  const token = 'bench-scim-token'
  let requests = 0
  const server = createServer((req, res) => {
    requests++
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (req.headers.authorization !== `Bearer ${token}` || !url.pathname.endsWith('/Users')) {
      res.writeHead(req.headers.authorization === `Bearer ${token}` ? 404 : 401).end()
      return
    }
    const startIndex = Math.max(1, Number(url.searchParams.get('startIndex') ?? 1))
    const count = Math.min(maxResults, Math.max(0, Number(url.searchParams.get('count') ?? maxResults)))
    const page = users.slice(startIndex - 1, startIndex - 1 + count)
    const head = `{"schemas":["${listSchema}"],"totalResults":${users.length},"startIndex":${startIndex},"itemsPerPage":${page.length}`
    res.writeHead(200, { 'content-type': 'application/scim+json' })
    res.end(`${head},"Resources":[${page.join(',')}]}`)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}/scim/v2`,
    token,
    requests: () => requests,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()))
        server.closeAllConnections()
      }),
  }
}
