/**
 * Lets queued messages (stop, crash reports, device loss) run between training steps. On wasm and
 * cpu, `await t.data()` settles as a microtask, so a training loop would otherwise never give the
 * event loop a turn. A MessageChannel round trip is a macrotask without setTimeout's 4 ms clamp,
 * and exists in browsers, workers and Node alike.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
