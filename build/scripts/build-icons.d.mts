// Types of what build-icons.mjs exports (the unit tests import them).
import type { Image } from '@napi-rs/canvas';
export declare const ICON_SOURCE: string;
export declare const FAVICON: string;
export declare const PNG_SIZES: number[];
export declare const ICO_SIZES: number[];
export declare function encodeIco(images: { size: number; png: Buffer }[]): Buffer;
export declare function loadIconSource(file: string): Image;
export declare function renderPng(image: Image, size: number): Buffer;
export declare function buildIcons(options: { source: string; outDir: string }): { pngDir: string; ico: string };
