import { describe, expect, it } from 'vitest'
import { isLinkLocalOrMetadata } from './redirect-policy'

describe('link-local and metadata addresses', () => {
  it.each([
    '169.254.169.254',
    '169.254.0.1',
    '::ffff:169.254.169.254',
    '::ffff:a9fe:a9fe',
    'fe80::1',
    'FEBF::abcd',
    'fe80::1%eth0',
    'fd00:ec2::254',
  ])('%s is refused', (address) => {
    expect(isLinkLocalOrMetadata(address)).toBe(true)
  })

  it.each([
    '127.0.0.1',
    '10.0.0.5',
    '192.168.1.10',
    '169.253.255.255',
    '::1',
    'fec0::1',
    '::ffff:7f00:1',
    '2001:db8::1',
  ])('%s is an ordinary address', (address) => {
    expect(isLinkLocalOrMetadata(address)).toBe(false)
  })
})
