/**
 * The bodies chat services take from an incoming webhook, each in its own shape. Sent with
 * `postBody` (connectors/webhook): the URL, and with it the token, stays out of every error.
 */

/**
 * Slack's incoming webhook, also Mattermost's and Rocket.Chat's: `text`, and `channel` when the message
 * goes to one person (`@name`) or one channel (`#chan`) instead of the webhook's own channel.
 */
export function slackPayload(text: string, address: string): { text: string; channel?: string } {
  const channel = address.trim()
  return /^[@#]\S+$/.test(channel) ? { text, channel } : { text }
}

/**
 * A Microsoft Teams "Workflows" webhook (Power Automate's "post to a channel when a webhook request is
 * received"): a message with one Adaptive Card 1.4, the subject bold, then one TextBlock per paragraph.
 */
export function teamsPayload(subject: string, text: string): unknown {
  const paragraphs = text.split(/\n{2,}/).filter((part) => part.trim() !== '')
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            { type: 'TextBlock', text: subject, weight: 'Bolder', size: 'Medium', wrap: true },
            ...paragraphs.map((part) => ({ type: 'TextBlock', text: part, wrap: true })),
          ],
        },
      },
    ],
  }
}

/** Chatwork API v2: `POST {apiBase}/rooms/{roomId}/messages`, form-encoded `body`, token in `X-ChatWorkToken`. */
export function chatworkRequest(
  apiBase: string,
  roomId: string,
  token: string,
  body: string,
): { url: string; body: string; contentType: string; headers: Record<string, string> } {
  return {
    url: `${apiBase.replace(/\/+$/, '')}/rooms/${encodeURIComponent(roomId)}/messages`,
    body: new URLSearchParams({ body }).toString(),
    contentType: 'application/x-www-form-urlencoded',
    headers: { 'X-ChatWorkToken': token },
  }
}
