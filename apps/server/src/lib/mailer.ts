import nodemailer from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** An HTML alternative to the text part. */
  html?: string;
  headers?: Record<string, string>;
  /** A calendar invitation (METHOD:REQUEST) sent as text/calendar, as calendar clients expect. */
  ics?: { filename: string; content: string };
  /** Files to attach, e.g. a calendar invitation (`text/calendar; method=REQUEST`). */
  attachments?: { filename: string; content: string; contentType: string }[];
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

/** SMTP through nodemailer when `SMTP_URL` is set; otherwise there is no mailer and links are shown for copying. */
export function createMailer(smtpUrl: string | undefined, from: string): Mailer | null {
  if (!smtpUrl) return null;
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      const ics = mail.ics ? { icalEvent: { method: 'REQUEST', filename: mail.ics.filename, content: mail.ics.content } } : {};
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, ...(mail.html ? { html: mail.html } : {}), ...(mail.headers ? { headers: mail.headers } : {}), ...ics, ...(mail.attachments ? { attachments: mail.attachments } : {}) });
    },
    close: () => transport.close(),
  };
}
