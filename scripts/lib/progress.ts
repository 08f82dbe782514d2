/** A one-line progress bar on a terminal; silent when output goes to a file or CI log. */
export function progressBar(stream: NodeJS.WriteStream = process.stderr) {
  const tty = stream.isTTY === true;
  let last = 0;
  return {
    update(done: number, total: number, label: string) {
      if (!tty) return;
      const now = Date.now();
      if (done < total && now - last < 50) return;
      last = now;
      const width = 24;
      const filled = total === 0 ? width : Math.round((done / total) * width);
      const name = label.length > 40 ? `…${label.slice(-39)}` : label;
      stream.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} ${name}`.padEnd(90));
    },
    done() {
      if (tty) stream.write("\r".padEnd(91) + "\r");
    },
  };
}
