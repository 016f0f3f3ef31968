import { html, css, nothing, type PropertyValues } from 'lit';
import { MlsElement } from '../../../src/base.js';
import { num, text, type InputProps } from '../../../src/inputs.js';
import { defineElement } from '../../../src/define.js';
import { baseStyles, monoNumbers } from '../../../src/theme.js';
import { formatNumber, formatSeconds } from '../../../src/format.js';
import { maxDistanceForBudget, oneWayDelay, propagationDelay } from '../../../physics/ironlaw.js';
import { FIBER_LIGHT_SPEED } from '../../../physics/registry.js';

/** What the light barrier publishes under `publish` (SI units; the `…Km` fields are for prose). */
export interface LightBarrierOutputs {
  /** Link distance, m. */
  distance: number;
  distanceKm: number;
  /** Round-trip propagation 2d / v, s. */
  roundTrip: number;
  /** One-way propagation d / v, s. */
  oneWay: number;
  /** Compute on the far side, s. */
  processing: number;
  /** roundTrip + processing, s. */
  total: number;
  /** The loop budget, s (null without one). */
  budget: number | null;
  /** total / budget (null without a budget). */
  ratio: number | null;
  /** total ≤ budget (null without a budget). */
  feasible: boolean | null;
  /** total > budget: drives `mls-failure when="$x.violated"`. */
  violated: boolean;
  /** Farthest server that fits the budget after processing, m (null without a budget). */
  maxDistance: number | null;
  maxDistanceKm: number | null;
  /** observed − roundTrip: routing, queuing and serialization, s (null without `observed`). */
  other: number | null;
  /** Signal speed used, m/s. */
  fiberSpeed: number;
}

const INPUTS = {
  distance: num({ min: 0, default: 0, unit: 'm', doc: 'Link distance, m (e.g. `2000000` for 2,000 km, or `$distance`).' }),
  budget: num({ min: 0, unit: 's', doc: 'The round-trip loop budget, s (e.g. `0.01`). Optional: without it there is no verdict.' }),
  processing: num({ min: 0, default: 0, unit: 's', doc: 'Compute time on the far side, s.' }),
  observed: num({ min: 0, unit: 's', doc: 'A measured round trip, s: the part above propagation is shown as routing and queuing.' }),
  fiberSpeed: num({
    min: 1,
    default: FIBER_LIGHT_SPEED.value,
    unit: 'm/s',
    doc: 'Signal speed in the medium, m/s (default: fiber, 2×10⁸).',
  }),
  label: text({ doc: 'Caption of the link ("Vehicle ↔ datacenter").' }),
};

const km = (m: number) => `${formatNumber(m / 1000, 4)} km`;

/**
 * The speed-of-light floor of a network round trip: 2 d / v with v the signal speed in fiber
 * (2×10⁸ m/s, about two thirds of c). A bar shows propagation, processing and any measured
 * remainder against the loop budget, and a sentence states the arithmetic, the verdict
 * (✓ within / ✕ over budget, never colour alone) and the farthest server the budget allows.
 * All numbers come from `physics/ironlaw.ts` (`propagationDelay`, `maxDistanceForBudget`).
 *
 * @summary Round-trip propagation floor against a latency budget, with the distance bound.
 *
 * @csspart figure - The whole instrument.
 * @csspart bar - The stacked bar (decorative; the sentence carries the numbers).
 * @csspart summary - The arithmetic and verdict sentences (aria-live).
 *
 * @cssprop --mls-color-blue - Propagation segment.
 * @cssprop --mls-color-grey - Processing segment.
 * @cssprop --mls-color-orange - Measured remainder (routing, queuing).
 * @cssprop --mls-color-red - Budget line and the over-budget verdict.
 * @cssprop --mls-color-green - The within-budget verdict.
 *
 * @fires mls-invalid - A negative or non-numeric `distance`, `budget`, `processing`, `observed` or `fiber-speed`.
 */
export class MlsLightBarrier extends MlsElement {
  static override styles = [
    baseStyles,
    css`
    :host { display: block; margin: var(--mls-space-3) 0; }
    figure { margin: 0; border: 1px solid var(--mls-color-border); border-radius: var(--mls-radius-md); background: var(--mls-color-surface); padding: var(--mls-space-3) var(--mls-space-4); }
    .label { margin: 0 0 var(--mls-space-2); font-weight: 700; }
    .track { position: relative; height: 28px; border-radius: var(--mls-radius-sm); background: var(--mls-color-surface-2); border: 1px solid var(--mls-color-border); margin: var(--mls-space-4) 0 var(--mls-space-2); }
    .seg { position: absolute; top: 0; bottom: 0; }
    .prop { background: var(--mls-color-blue); }
    .proc { background: var(--mls-color-grey); }
    .other { background: repeating-linear-gradient(45deg, var(--mls-color-orange) 0 6px, var(--mls-color-orange-l) 6px 12px); }
    .budget { position: absolute; top: -14px; bottom: -6px; border-left: 3px dashed var(--mls-color-red); }
    .budget span { position: absolute; top: -6px; left: 4px; font-size: 0.75rem; font-weight: 700; color: var(--mls-color-red); white-space: nowrap; }
    .legend { display: flex; flex-wrap: wrap; gap: var(--mls-space-3); font-size: 0.8rem; color: var(--mls-color-text-2); margin: 0; padding: 0; list-style: none; }
    .legend i { display: inline-block; width: 0.8rem; height: 0.8rem; border-radius: 2px; margin-right: 4px; vertical-align: -1px; }
    .summary { margin: var(--mls-space-2) 0 0; line-height: 1.55; }
    .summary p { margin: var(--mls-space-1) 0; }
    .num { font-family: var(--mls-font-mono); font-weight: 700; ${monoNumbers} }
    .verdict { font-weight: 700; }
    .verdict.over { color: var(--mls-color-red); }
    .verdict.ok { color: var(--mls-color-green); }
    @media (forced-colors: active) { .prop, .proc, .other { background: CanvasText; } .budget { border-color: CanvasText; } }
    @media print { .other { background: #999; } }
  `,
  ];

  static override inputs = INPUTS;

  #out?: LightBarrierOutputs;
  #label?: string;

  /** The outputs of the last good state (what `publish` writes). */
  get outputs(): LightBarrierOutputs | undefined {
    return this.#out;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const v = this.read(INPUTS);
    // Each input keeps its last good value while it is rejected (read() returns it).
    const { distance, processing, fiberSpeed: speed } = v;
    const budget = v.budget ?? null;
    const observed = v.observed ?? null;
    const roundTrip = propagationDelay(distance, speed);
    const total = roundTrip + processing;
    const hasBudget = budget !== null && budget > 0;
    const maxDistance = hasBudget ? maxDistanceForBudget(budget!, processing, speed) : null;
    this.#out = {
      distance,
      distanceKm: distance / 1000,
      roundTrip,
      oneWay: oneWayDelay(distance, speed),
      processing,
      total,
      budget: hasBudget ? budget : null,
      ratio: hasBudget ? total / budget! : null,
      feasible: hasBudget ? total <= budget! : null,
      violated: hasBudget ? total > budget! : false,
      maxDistance,
      maxDistanceKm: maxDistance === null ? null : maxDistance / 1000,
      other: observed !== null ? Math.max(0, observed - roundTrip) : null,
      fiberSpeed: speed,
    };
    this.#label = v.label;
    this.publishOutputs({ ...this.#out });
  }

  protected override render() {
    const o = this.#out;
    if (!o) return html`${this.renderInvalid()}`;
    const observedTotal = o.other !== null ? o.roundTrip + o.other : 0;
    const span = Math.max(o.total, o.budget ?? 0, observedTotal, 1e-9) * 1.15;
    const pct = (s: number) => `${(100 * s) / span}%`;
    const speedText = `${formatNumber(o.fiberSpeed / 1000, 3)} km/s`;
    const t = (s: number) => formatSeconds(s);
    return html`${this.renderInvalid()}
      <figure part="figure">
        ${this.#label ? html`<p class="label">${this.#label}</p>` : nothing}
        <div class="track" part="bar" aria-hidden="true">
          <div class="seg prop" style="left:0;width:${pct(o.roundTrip)}"></div>
          ${o.processing > 0 ? html`<div class="seg proc" style="left:${pct(o.roundTrip)};width:${pct(o.processing)}"></div>` : nothing}
          ${o.other ? html`<div class="seg other" style="left:${pct(o.total)};width:${pct(Math.max(0, observedTotal - o.total))}"></div>` : nothing}
          ${o.budget !== null ? html`<div class="budget" style="left:${pct(o.budget)}"><span>${t(o.budget)} budget</span></div>` : nothing}
        </div>
        <ul class="legend" aria-hidden="true">
          <li><i class="prop"></i>Propagation (round trip)</li>
          ${o.processing > 0 ? html`<li><i class="proc"></i>Processing</li>` : nothing}
          ${o.other ? html`<li><i class="other"></i>Routing and queuing (measured)</li>` : nothing}
        </ul>
        <div class="summary" part="summary" aria-live="polite">
          <p>Light in fiber: 2 × <span class="num">${km(o.distance)}</span> ÷ ${speedText} =
            <span class="num">${t(o.roundTrip)}</span> round trip (<span class="num">${t(o.oneWay)}</span> each way)${
              o.processing > 0
                ? html`, plus <span class="num">${t(o.processing)}</span> of processing = <span class="num">${t(o.total)}</span>`
                : nothing
            }.</p>
          ${
            o.other !== null
              ? html`<p>Measured round trip <span class="num">${t(o.roundTrip + o.other)}</span>: propagation is
            <span class="num">${t(o.roundTrip)}</span> of it; the other <span class="num">${t(o.other)}</span> is routing, queuing and serialization.</p>`
              : nothing
          }
          ${
            o.budget !== null
              ? html`
            <p class="verdict ${o.violated ? 'over' : 'ok'}">${
              o.violated
                ? html`<span aria-hidden="true">✕ </span>Over budget: <span class="num">${t(o.total)}</span> is ${formatNumber(o.ratio!, 3)}× the <span class="num">${t(o.budget)}</span> loop. No faster chip removes it.`
                : html`<span aria-hidden="true">✓ </span>Within budget: <span class="num">${t(o.total)}</span> of the <span class="num">${t(o.budget)}</span> loop.`
            }</p>
            <p>Farthest server this budget allows${o.processing > 0 ? ' after processing' : ' on propagation alone'}: <span class="num">${km(o.maxDistance!)}</span>.</p>`
              : nothing
          }
        </div>
      </figure>`;
  }
}

/** The raw input properties, typed from the schema. */
export interface MlsLightBarrier extends InputProps<typeof INPUTS> {}

defineElement('mls-light-barrier', MlsLightBarrier);

declare global {
  interface HTMLElementTagNameMap {
    'mls-light-barrier': MlsLightBarrier;
  }
}
