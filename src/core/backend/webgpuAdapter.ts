/** Minimal WebGPU typings: only what the lab reads, so core needs no DOM or @webgpu/types. */
interface GpuAdapterInfoLike {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
}
interface GpuAdapterLike {
  info?: GpuAdapterInfoLike;
  isFallbackAdapter?: boolean;
  requestAdapterInfo?: () => Promise<GpuAdapterInfoLike>;
}
interface GpuLike {
  requestAdapter(options?: { powerPreference?: string }): Promise<GpuAdapterLike | null>;
}

export interface AdapterInfo {
  vendor: string;
  architecture: string;
  description: string;
  isFallbackAdapter: boolean;
}

export type AdapterProbe = { ok: true; adapter: AdapterInfo } | { ok: false; reason: string };

/** Asks the platform for a WebGPU adapter and describes it, or says why there is none. */
export async function describeWebGpuAdapter(): Promise<AdapterProbe> {
  const gpu = (globalThis as { navigator?: { gpu?: GpuLike } }).navigator?.gpu;
  if (!gpu) return { ok: false, reason: 'navigator.gpu missing (this runtime has no WebGPU)' };
  let adapter: GpuAdapterLike | null;
  try {
    adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch (error) {
    return { ok: false, reason: `requestAdapter threw: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!adapter) return { ok: false, reason: 'no adapter' };
  const info = adapter.info ?? (adapter.requestAdapterInfo ? await adapter.requestAdapterInfo() : {});
  return {
    ok: true,
    adapter: {
      vendor: info.vendor || 'unknown vendor',
      architecture: info.architecture || 'unknown architecture',
      description: info.description || info.device || '',
      isFallbackAdapter: adapter.isFallbackAdapter ?? (info as { isFallbackAdapter?: boolean }).isFallbackAdapter ?? false,
    },
  };
}

export function adapterLabel(adapter: AdapterInfo): string {
  return `${adapter.vendor}/${adapter.architecture}`;
}
