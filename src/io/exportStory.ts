// The story export: one PNG per saved view, in story order, in one ZIP (fflate). PNGs are already
// compressed, so they are stored, not deflated again.
import { zipSync, type Zippable } from "fflate";
import { slugify } from "./exportSpec";

export interface StoryImage {
  /** The step's title (a saved view's title, or the image title). */
  title: string;
  png: Uint8Array;
}

/** "01-chinas-used-car-exports-2024.png", numbered in story order, unique even for equal titles. */
export function storyFileNames(titles: string[]): string[] {
  const width = Math.max(2, String(titles.length).length);
  return titles.map((t, i) => `${String(i + 1).padStart(width, "0")}-${slugify(t)}.png`);
}

export function storyZip(images: StoryImage[], readme?: string): Uint8Array {
  if (!images.length) throw new Error("exportStory.storyZip: the story has no views to export");
  const names = storyFileNames(images.map((s) => s.title));
  const files: Zippable = {};
  images.forEach((img, i) => {
    files[names[i]!] = [img.png, { level: 0 }];
  });
  if (readme) files["README.txt"] = [new TextEncoder().encode(readme), { level: 6 }];
  return zipSync(files);
}
