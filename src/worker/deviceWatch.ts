import * as tf from '@tensorflow/tfjs';

interface LosableDevice {
  lost: Promise<{ reason?: string; message?: string }>;
  destroy(): void;
}

/** The WebGPU device behind tfjs, when the webgpu backend is active. */
function webgpuDevice(): LosableDevice | null {
  if (tf.getBackend() !== 'webgpu') return null;
  const device = (tf.backend() as unknown as { device?: LosableDevice }).device;
  return device && typeof device.destroy === 'function' ? device : null;
}

/** Calls `onLost` once if the WebGPU device is lost (driver reset, GPU removed, tab backgrounded…). */
export function watchDeviceLoss(onLost: (message: string) => void): void {
  const device = webgpuDevice();
  if (!device) return;
  void device.lost.then((info) =>
    onLost(`the GPU device was lost (${info.reason ?? 'unknown reason'}${info.message ? `: ${info.message}` : ''})`),
  );
}

/** Test affordance: destroys the device, which resolves device.lost exactly as a real loss would. */
export function destroyDevice(): boolean {
  const device = webgpuDevice();
  device?.destroy();
  return device !== null;
}

/**
 * True when the WebGPU device is (or within `ms` becomes) lost. A request that fails because its
 * device went away should be reported as that loss (the engine restarts and resumes), not as an
 * error of the request: the GPU call usually fails a moment before `device.lost` resolves.
 */
export async function deviceLostWithin(ms: number): Promise<boolean> {
  const device = webgpuDevice();
  if (!device) return false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([device.lost.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
