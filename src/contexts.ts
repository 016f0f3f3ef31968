/**
 * Deployment contexts as the lab elements show and parse them: a context id's label and device,
 * the `devices="cloud:a100 edge:jetson-orin-nx"` override and the `contexts="cloud edge"` list.
 * Shared by mls-context-toggle, mls-lab and mls-ledger-hud; it lives in the runtime layer so
 * that no element imports another element's module. Pure: never throws, touches no DOM.
 */
import { DEPLOYMENT_CONTEXTS, TIERS, getDevice, type DeploymentContext } from '../physics/registry.js';

/** One deployment context as the lab elements show it. */
export interface ContextInfo {
  /** Context id (`cloud`, `edge`, `mobile`, `tiny`, or an id mapped in `devices`). */
  id: string;
  /** Human label ("Cloud", "Edge", …; the id itself for ids outside the registry). */
  label: string;
  /** Device id the context maps to, or null when none is known. */
  device: string | null;
  /** The device's display name from the physics registry. */
  deviceName: string | null;
  /** True when the id is a registry context or has a device mapping. */
  known: boolean;
}

const CONTEXTS = DEPLOYMENT_CONTEXTS as unknown as Record<string, DeploymentContext>;

/** Ids of the registry's deployment contexts (cloud, edge, mobile, tiny). */
export const CONTEXT_IDS: readonly string[] = TIERS;

/**
 * Parse a `devices` override such as `"cloud:a100 edge:jetson-orin-nx"`.
 * Returns the valid pairs and the tokens that are malformed or name an unknown device.
 */
export function parseDeviceMap(raw: string | null | undefined): { map: Map<string, string>; bad: string[] } {
  const map = new Map<string, string>();
  const bad: string[] = [];
  for (const token of (raw ?? '').split(/\s+/).filter(Boolean)) {
    const m = /^([A-Za-z0-9_-]+):([A-Za-z0-9._-]+)$/.exec(token);
    if (!m) {
      bad.push(token);
      continue;
    }
    try {
      getDevice(m[2]);
      map.set(m[1], m[2]);
    } catch {
      bad.push(token);
    }
  }
  return { map, bad };
}

/** Describe a context id: its label, device id and device name (never throws). */
export function describeContext(id: string, devices: Map<string, string> = new Map()): ContextInfo {
  const ctx = Object.hasOwn(CONTEXTS, id) ? CONTEXTS[id] : undefined;
  const device = devices.get(id) ?? ctx?.device ?? null;
  let deviceName: string | null = null;
  if (device) {
    try {
      deviceName = getDevice(device).name;
    } catch {
      deviceName = null;
    }
  }
  return { id, label: ctx?.label ?? id, device, deviceName, known: !!ctx || devices.has(id) };
}

/** Split a `contexts` attribute ("cloud edge") into ids, dropping duplicates. */
export function splitContexts(raw: string | null | undefined): string[] {
  return [...new Set((raw ?? '').split(/[\s,]+/).filter(Boolean))];
}
