/**
 * An async FIFO of at most `capacity` items between a producer and a consumer in one thread (the
 * in-process pipeline, and each end of the cross-thread one). The producer waits for room before it
 * computes an item (`room`), so it is never more than `capacity` items ahead; the consumer waits for
 * an item (`take`). `close(error)` wakes both sides with the error.
 */
export class BoundedQueue<T> {
  private readonly items: T[] = [];
  private closedWith: Error | null = null;
  private readonly takers: { resolve: (item: T) => void; reject: (e: Error) => void }[] = [];
  private readonly roomWaiters: { resolve: () => void; reject: (e: Error) => void }[] = [];

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`BoundedQueue: capacity ${capacity} must be a whole number ≥ 1`);
  }

  get size(): number {
    return this.items.length;
  }

  /** Resolves once there is room for one more item. */
  room(): Promise<void> {
    if (this.closedWith) return Promise.reject(this.closedWith);
    if (this.items.length < this.capacity) return Promise.resolve();
    return new Promise((resolve, reject) => this.roomWaiters.push({ resolve, reject }));
  }

  /** Adds an item; the producer awaited `room()` first, so this never exceeds the capacity. */
  put(item: T): void {
    if (this.closedWith) throw this.closedWith;
    const taker = this.takers.shift();
    if (taker) taker.resolve(item);
    else if (this.items.length >= this.capacity) throw new Error(`BoundedQueue: put into a full queue (capacity ${this.capacity})`);
    else this.items.push(item);
  }

  /** The oldest item, waiting for one when empty. */
  take(): Promise<T> {
    return this.takeCancellable().item;
  }

  /** `take`, with a `cancel` that withdraws a wait still pending (so a later take gets the next item). */
  takeCancellable(): { item: Promise<T>; cancel: () => void } {
    const item = this.items.shift();
    if (item !== undefined) {
      this.roomWaiters.shift()?.resolve();
      return { item: Promise.resolve(item), cancel: () => {} };
    }
    if (this.closedWith) return { item: Promise.reject(this.closedWith), cancel: () => {} };
    let taker: { resolve: (item: T) => void; reject: (e: Error) => void } | undefined;
    const waiting = new Promise<T>((resolve, reject) => {
      taker = { resolve, reject };
      this.takers.push(taker);
    });
    return {
      item: waiting,
      cancel: () => {
        const at = taker ? this.takers.indexOf(taker) : -1;
        if (at >= 0) this.takers.splice(at, 1);
      },
    };
  }

  /** Ends the queue: every waiter, and every later call, gets `error` (items already queued are dropped). */
  close(error: Error): void {
    if (this.closedWith) return;
    this.closedWith = error;
    this.items.length = 0;
    for (const t of this.takers.splice(0)) t.reject(error);
    for (const w of this.roomWaiters.splice(0)) w.reject(error);
  }

  get closed(): boolean {
    return this.closedWith !== null;
  }
}

/**
 * The queue's next item, or `onStall()` once the other side has shown no sign of life (`lastAlive`,
 * a performance.now() time) for `stallMs`: checked four times per stallMs, so a dead side is reported
 * within 1.25 × stallMs.
 */
export function takeOrStall<T>(queue: BoundedQueue<T>, lastAlive: () => number, stallMs: number, onStall: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const { item, cancel } = queue.takeCancellable();
    const timer = setInterval(() => {
      if (performance.now() - lastAlive() <= stallMs) return;
      clearInterval(timer);
      cancel();
      reject(onStall());
    }, stallMs / 4);
    item.then(
      (item) => {
        clearInterval(timer);
        resolve(item);
      },
      (error: unknown) => {
        clearInterval(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
