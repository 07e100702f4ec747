/** 32 random bytes from the browser's CSPRNG, base64url without padding: a source's signing secret (43 characters). */
export function generateSourceSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32))
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}
