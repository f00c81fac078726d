import type { TestProject } from 'vitest/node';
import { findChromium } from '../chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Chromium executable the end-to-end tests drive (tests/chromium.ts). */
    chromium: string;
  }
}

/** Finds the browser once for the run and says which, or fails naming what to install. */
export default async function setup(project: TestProject): Promise<void> {
  const chromium = await findChromium();
  console.log(`End-to-end tests drive ${chromium.describe}.`);
  project.provide('chromium', chromium.path);
}
