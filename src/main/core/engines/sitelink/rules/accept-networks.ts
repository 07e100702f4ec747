import type { LinkPermission, NetworkRule } from '../../../../../shared/model/sitelink-rules'
import { parseAddress, parseAddressRange, rangeContains, type AddressRange } from './address-ranges'

/** A rule's 詳細設定 with its ranges parsed once (invalid ranges, refused by checkAcceptRules, match nothing). */
export type CompiledNetworks = readonly {
  readonly permission: LinkPermission
  readonly ranges: readonly AddressRange[]
}[]

export function compileNetworks(networks: readonly NetworkRule[]): CompiledNetworks {
  return networks.map((network) => ({
    permission: network.permission,
    ranges: network.ranges.flatMap((text) => {
      const parsed = parseAddressRange(text)
      return parsed.ok ? [parsed.range] : []
    }),
  }))
}

/** The first network rule (in order) with a range holding the address; null without an address or a match. */
export function networkFor(
  networks: CompiledNetworks,
  address: string | null,
): { readonly range: string; readonly permission: LinkPermission } | null {
  if (address === null || networks.length === 0) return null
  const parsed = parseAddress(address)
  if (parsed === null) return null
  for (const network of networks) {
    const range = network.ranges.find((candidate) => rangeContains(candidate, parsed))
    if (range) return { range: range.text, permission: network.permission }
  }
  return null
}
