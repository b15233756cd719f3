import { SMTPServer } from 'smtp-server';

/** A real SMTP server on a free local port that keeps every message it receives, as raw text. */
export async function startSmtp(): Promise<{ url: string; received: string[]; close: () => Promise<void> }> {
  const received: string[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    // No reverse DNS of the client: it costs a lookup per connection, and a connection per mail.
    disableReverseLookup: true,
    onData(stream, _session, cb) {
      let data = '';
      stream.on('data', (d: Buffer) => (data += d.toString()));
      stream.on('end', () => {
        received.push(data);
        cb();
      });
    },
  });
  // Answer each SMTP command at once: with Nagle and delayed ACKs every round trip waits ~40 ms.
  smtp.server.on('connection', (socket: import('node:net').Socket) => socket.setNoDelay(true));
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
  const port = (smtp.server.address() as { port: number }).port;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((r) => smtp.close(() => r())) };
}
