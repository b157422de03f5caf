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
  void device.lost.then((info) => onLost(`the GPU device was lost (${info.reason ?? 'unknown reason'}${info.message ? `: ${info.message}` : ''})`));
}

/** Test affordance: destroys the device, which resolves device.lost exactly as a real loss would. */
export function destroyDevice(): boolean {
  const device = webgpuDevice();
  device?.destroy();
  return device !== null;
}
