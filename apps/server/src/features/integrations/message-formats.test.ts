import { describe, expect, it } from 'vitest';
import { slackEscape, slackMessage, teamsMessage } from './message-formats';

describe('slackEscape (decision 152)', () => {
  it.each([
    ['plain words', 'plain words'],
    ['R&D', 'R&amp;D'],
    ['<!channel> laptops', '&lt;!channel&gt; laptops'],
    ['<https://evil.example|Tandem>', '&lt;https://evil.example|Tandem&gt;'],
    ['already &amp; escaped', 'already &amp;amp; escaped'],
    ['“quotes” and *stars* stay', '“quotes” and *stars* stay'],
  ])('%s', (input, escaped) => expect(slackEscape(input)).toBe(escaped));
});

describe('chat messages', () => {
  const p = { summary: 'Request “<!here>” moved', url: 'https://tandem.example.com/requests/1', organisation: { id: 'o', name: 'R&D Ltd' } };

  it('Slack: the text escaped, only our own link unescaped, the organisation in the context line', () => {
    expect(slackMessage('request.status_changed', p)).toEqual({
      text: 'Request “&lt;!here&gt;” moved',
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: 'Request “&lt;!here&gt;” moved <https://tandem.example.com/requests/1|Open in Tandem>' } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'Tandem · R&amp;D Ltd · request.status_changed' }] },
      ],
    });
  });

  it('Slack and Teams without a link: no link and no action', () => {
    const bare = { summary: 'Hello', url: null };
    expect(JSON.stringify(slackMessage('pulse.opened', bare))).not.toContain('Open in Tandem');
    expect(JSON.stringify(teamsMessage('pulse.opened', bare))).not.toContain('actions');
  });

  it('Teams: the text as typed, the organisation in the subtle line, the link as an action', () => {
    const card = (teamsMessage('request.status_changed', p) as { attachments: Array<{ content: { body: Array<{ text: string }>; actions: unknown[] } }> }).attachments[0]!.content;
    expect(card.body.map((b) => b.text)).toEqual(['Request “<!here>” moved', 'Tandem · R&D Ltd · request.status_changed']);
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open in Tandem', url: 'https://tandem.example.com/requests/1' }]);
  });
});
