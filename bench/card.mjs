// Runs shared/peer/soundcard.mjs (path in SOUNDCARD, same arguments) after printing the wall
// time its clock starts from. The shell opens the FIFO on stdin before exec'ing node, and that
// open blocks until the runtime opens the FIFO for writing, so the recording's time 0 is when
// the runtime first opened its sink, not when the bench spawned the card: failure times are
// taken against this line.
process.stderr.write(`card-start ${Date.now()}\n`);
await import(process.env.SOUNDCARD);
