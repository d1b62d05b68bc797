// Types for the build test that checks the shipped bundles carry no examples.
import type {Plugin} from 'vite';

export function stripExamplesFrom(code: string, fileName?: string): string;
export function stripExamples(): Plugin;
