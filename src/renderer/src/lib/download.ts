/**
 * Saves text the core produced as a file. The content is used as-is: a CSV export already starts
 * with the BOM that Excel needs to read UTF-8.
 */
export function downloadText(content: string, fileName: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }))
  const anchor = document.createElement('a')
  anchor.href = url
  anchor.download = fileName
  anchor.style.display = 'none'
  document.body.append(anchor)
  anchor.click()
  anchor.remove()
  // Revoking at once can cancel the download in some engines; a minute is plenty.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
