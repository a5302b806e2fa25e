/**
 * Names and labels of a blue/green app's objects (R3). The switch in src/ops/bluegreen/app
 * finds the objects by these names, so synth and the switch cannot disagree.
 */
import {
  LABEL_COLOUR,
  type AppColour,
  type ResolvedApp,
  type ResolvedAppBlueGreen,
} from '../model/platform.js';

export const APP_COLOURS: readonly AppColour[] = ['blue', 'green'];

export function otherColour(colour: AppColour): AppColour {
  return colour === 'blue' ? 'green' : 'blue';
}

export function isAppColour(value: unknown): value is AppColour {
  return value === 'blue' || value === 'green';
}

/** Deployment of one colour; under `upstream`, also the Service and VirtualServer upstream. */
export function colourObjectName(app: ResolvedApp, colour: AppColour): string {
  return `${app.name}-${colour}`;
}

/** Service that selects the colour users do not reach yet, for smoke checks. */
export function previewServiceName(app: ResolvedApp): string {
  return `${app.name}-preview`;
}

/** Selector of one colour's pods: the app's selector plus the colour label. */
export function colourSelector(app: ResolvedApp, colour: AppColour): Record<string, string> {
  return { ...app.selector, [LABEL_COLOUR]: colour };
}

/** Image one colour runs: the live colour runs the app's image, the other the preview image. */
export function colourImage(
  app: ResolvedApp,
  blueGreen: ResolvedAppBlueGreen,
  colour: AppColour,
): string {
  return colour === blueGreen.live ? app.image : blueGreen.previewImage;
}
