// An SMTP server in its own process for the mail benchmark: accepts everything, reads nothing
// but the envelope, and reports each arrival (recipient, time) to its parent over IPC in batches.
'use strict';
const { SMTPServer } = require('smtp-server');

let pending = [];
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    let bytes = 0;
    stream.on('data', (c) => (bytes += c.length));
    stream.on('end', () => {
      pending.push({ to: session.envelope.rcptTo[0].address, at: Date.now(), bytes });
      callback();
    });
  },
});
setInterval(() => {
  if (pending.length) {
    process.send(pending);
    pending = [];
  }
}, 5).unref();
server.listen(0, '127.0.0.1', () => process.send({ port: server.server.address().port }));
process.on('disconnect', () => process.exit(0));
